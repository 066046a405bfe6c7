package dev.ringside.journal;

import dev.ringside.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {

    private static final Instant T0 = Instant.parse("2025-11-21T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private Journal open() {
        return Journal.open(JournalOptions.at(dir.resolve("journal.db")).withClock(clock));
    }

    @Test
    void everyEventTypeRoundTripsThroughTheFile() {
        List<TraceEvent> events = SampleEvents.oneOfEach();
        try (Journal journal = open()) {
            events.forEach(e -> journal.record("run-1", "crashloop-agent", e));
        }
        try (Journal journal = open()) {
            List<JournalEntry> read = journal.readRun("run-1");
            assertThat(read).extracting(JournalEntry::event).containsExactlyElementsOf(events);
            assertThat(read).allSatisfy(e -> {
                assertThat(e.agent()).isEqualTo("crashloop-agent");
                assertThat(e.at()).isEqualTo(T0);
            });
            assertThat(read).extracting(JournalEntry::id).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void flushedEventsAreCommittedToTheFileWhileTheJournalIsStillOpen() throws SQLException {
        try (Journal journal = open()) {
            for (int i = 0; i < 100; i++) {
                journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "prompt " + i));
            }
            journal.flush();
            assertThat(countRows("trace_events")).isEqualTo(100);
        }
        try (Journal reopened = open()) {
            assertThat(reopened.readRun("run-1")).hasSize(100);
            long next = reopened.record("run-1", "a", new TraceEvent.RunEnded("resolved", "done"));
            assertThat(next).isEqualTo(101);
        }
    }

    @Test
    void awaitDurableReturnsOnceThatEventIsCommitted() throws SQLException {
        try (Journal journal = open()) {
            long id = journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "p"));
            journal.awaitDurable(id);
            assertThat(countRows("trace_events")).isEqualTo(1);
            assertThatThrownBy(() -> journal.awaitDurable(id + 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsARunInPagesThatResumeAfterTheLastId() {
        try (Journal journal = open()) {
            for (int i = 0; i < 25; i++) {
                journal.record("run-a", "a", new TraceEvent.ModelRequest("m", "a" + i));
                journal.record("run-b", "b", new TraceEvent.ModelRequest("m", "b" + i));
            }
            journal.flush();
            List<JournalEntry> paged = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            long after = 0;
            for (List<JournalEntry> page = journal.readRun("run-a", after, 10); !page.isEmpty();
                 page = journal.readRun("run-a", after, 10)) {
                pageSizes.add(page.size());
                paged.addAll(page);
                after = page.getLast().id();
            }
            assertThat(pageSizes).containsExactly(10, 10, 5);
            assertThat(paged).isEqualTo(journal.readRun("run-a"));
            assertThat(paged).allSatisfy(e -> assertThat(e.runId()).isEqualTo("run-a"));
        }
    }

    @Test
    void readsByTimeRangeWithTheUpperBoundExcluded() {
        try (Journal journal = open()) {
            for (int minute = 0; minute < 5; minute++) {
                journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "minute " + minute));
                clock.advance(Duration.ofMinutes(1));
            }
            journal.flush();
            List<JournalEntry> middle = journal.readBetween(T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(3)));
            assertThat(middle).extracting(e -> ((TraceEvent.ModelRequest) e.event()).prompt())
                    .containsExactly("minute 1", "minute 2");
            List<JournalEntry> firstPage = journal.readBetween(T0, T0.plus(Duration.ofHours(1)), 0, 2);
            List<JournalEntry> secondPage = journal.readBetween(T0, T0.plus(Duration.ofHours(1)), firstPage.getLast().id(), 2);
            assertThat(firstPage).extracting(JournalEntry::id).containsExactly(1L, 2L);
            assertThat(secondPage).extracting(JournalEntry::id).containsExactly(3L, 4L);
        }
    }

    @Test
    void timesNeverGoBackwardsWhenTheClockIsSteppedBack() {
        try (Journal journal = open()) {
            journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "first"));
            clock.advance(Duration.ofMinutes(-10));
            journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "second"));
            journal.flush();
            assertThat(journal.readRun("run-1")).extracting(JournalEntry::at).containsExactly(T0, T0);
        }
    }

    @Test
    void listsRunsWithRunbookTimesOutcomeAndEventCount() {
        try (Journal journal = open()) {
            journal.record("run-1", "crashloop-agent", new TraceEvent.RunStarted("crashloop", "pod", "live", "m"));
            clock.advance(Duration.ofMinutes(1));
            journal.record("run-1", "crashloop-agent", new TraceEvent.ModelRequest("m", "p"));
            journal.record("run-2", "oom-agent", new TraceEvent.RunStarted("oom", "alert", "dry-run", "m"));
            clock.advance(Duration.ofMinutes(1));
            journal.record("run-1", "crashloop-agent", new TraceEvent.RunEnded("resolved", "ok"));
        }
        try (Journal journal = open()) {
            assertThat(journal.runs()).containsExactly(
                    new RunSummary("run-1", "crashloop-agent", "crashloop", T0, T0.plus(Duration.ofMinutes(2)), "resolved", 3),
                    new RunSummary("run-2", "oom-agent", "oom", T0.plus(Duration.ofMinutes(1)), null, null, 1));
        }
    }

    @Test
    void pagedReadsSeekAnIndexInsteadOfScanningTheTable() throws SQLException {
        open().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"))) {
            assertThat(plan(c, JournalReader.BY_RUN.replace("?", "1")))
                    .contains("SEARCH trace_events USING INDEX trace_events_by_run").doesNotContain("TEMP B-TREE");
            assertThat(plan(c, JournalReader.BY_TIME.replace("?", "1")))
                    .contains("SEARCH trace_events USING INDEX trace_events_by_time").doesNotContain("TEMP B-TREE");
            assertThat(plan(c, JournalReader.AFTER.replace("?", "1")))
                    .contains("SEARCH trace_events USING INTEGER PRIMARY KEY").doesNotContain("TEMP B-TREE");
        }
    }

    @Test
    void refusesAFileThatIsNotARingsideJournal() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> Journal.open(JournalOptions.at(other)))
                .isInstanceOf(JournalException.class).hasMessageContaining("is not a Ringside journal");

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "this is not a database at all, just some text that is long enough to have a header");
        assertThatThrownBy(() -> Journal.open(JournalOptions.at(text)))
                .isInstanceOf(JournalException.class).hasMessageContaining("is not a Ringside journal");
    }

    @Test
    void refusesToWriteOnAJournalWhoseGuardTriggersWereDropped() throws SQLException {
        open().close();
        execute("DROP TRIGGER audit_links_no_delete");
        assertThatThrownBy(this::open).isInstanceOf(JournalException.class)
                .hasMessageContaining("guard triggers are missing or altered");
    }

    @Test
    void aWriterFailureIsSurfacedToEveryLaterCall() throws SQLException {
        Journal journal = open();
        journal.record("run-1", "a", new TraceEvent.KillStep("k", "halt", "requested", ""));
        journal.flush();
        // A second writer appends a valid-looking link behind the journal's back,
        // so the journal's next link no longer follows the chain and the database refuses it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_links SELECT seq + 1, hash, hash, at_micros, run_id, agent, type, event_id,"
                    + " payload FROM audit_links WHERE seq = 1");
        }
        journal.record("run-1", "a", new TraceEvent.KillStep("k", "halt", "confirmed", ""));
        assertThatThrownBy(journal::flush).isInstanceOf(JournalException.class)
                .hasMessageContaining("journal writer failed").hasMessageContaining("append-only");
        assertThatThrownBy(() -> journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "p")))
                .isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.claimExecution("d", "r")).isInstanceOf(JournalException.class);
        assertThatThrownBy(journal::close).isInstanceOf(JournalException.class);
    }

    @Test
    void recordingAfterCloseIsRefused() {
        Journal journal = open();
        journal.close();
        assertThatThrownBy(() -> journal.record("r", "a", new TraceEvent.ModelRequest("m", "p")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aSmallQueueAppliesBackPressureWithoutLosingEvents() {
        try (Journal journal = Journal.open(JournalOptions.at(dir.resolve("journal.db")).withClock(clock).withQueueCapacity(4))) {
            for (int i = 0; i < 2_000; i++) {
                journal.record("run-1", "a", new TraceEvent.DecisionMade("c" + i, "list_pods", "allow", "allow", "", "d"));
            }
            journal.flush();
            assertThat(journal.readRun("run-1")).hasSize(2_000);
        }
        assertThat(AuditVerifier.verify(dir.resolve("journal.db")).message()).isEqualTo("audit: OK, 2000 entries");
    }

    private static String plan(Connection c, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString("detail")).append('\n');
            }
        }
        return plan.toString();
    }

    private long countRows(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
