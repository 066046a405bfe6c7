package dev.ringside.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal file read for replay and export: runs and events come out, nothing goes in. */
class ReadOnlyJournalTest {
    @TempDir
    Path dir;
    private Path db;
    private final MutableClock clock = MutableClock.at("2026-11-21T03:00:00Z");

    @BeforeEach
    void recordTwoRuns() {
        db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db).withClock(clock))) {
            journal.record("run-a", "crashloop-agent", new TraceEvent.RunStarted("crashloop", "pod crash-loops", "live", "offline"));
            clock.advance(Duration.ofSeconds(1));
            journal.record("run-a", "crashloop-agent", new TraceEvent.DecisionMade("c1", "list_pods", "allow", "allow", "ring 0", "d1"));
            journal.record("run-b", "oom-agent", new TraceEvent.ModelResponse("planner", "looking", ""));
            journal.record(TraceEvent.KillStep.RUN_ID, "alice", new TraceEvent.KillStep("k1", "local-halt", "confirmed", "by alice"));
            clock.advance(Duration.ofSeconds(1));
            journal.record("run-a", "crashloop-agent", new TraceEvent.RunEnded("resolved", "rolled back"));
        }
    }

    @Test
    void listsTheRunsAndReadsOneWithoutTouchingTheFile() throws Exception {
        byte[] before = Files.readAllBytes(db);
        long checkpoints;
        try (var files = Files.list(JournalOptions.defaultCheckpointDir(db))) {
            checkpoints = files.count();
        }
        try (ReadOnlyJournal journal = ReadOnlyJournal.open(db)) {
            assertThat(journal.runs()).extracting(RunSummary::runId).containsExactly("run-a", TraceEvent.KillStep.RUN_ID, "run-b");
            RunSummary a = journal.runs().getFirst();
            assertThat(a.agent()).isEqualTo("crashloop-agent");
            assertThat(a.runbook()).isEqualTo("crashloop");
            assertThat(a.outcome()).isEqualTo("resolved");
            assertThat(a.eventCount()).isEqualTo(3);
            assertThat(journal.readRun("run-a")).extracting(JournalEntry::type)
                    .containsExactly("run_started", "decision_made", "run_ended");
        }
        assertThat(Files.readAllBytes(db)).as("read-only: not a byte written").isEqualTo(before);
        try (var files = Files.list(JournalOptions.defaultCheckpointDir(db))) {
            assertThat(files.count()).as("no checkpoint written on close").isEqualTo(checkpoints);
        }
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedByName() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "not a database at all, just notes\n".repeat(200));
        assertThatThrownBy(() -> ReadOnlyJournal.open(text)).isInstanceOf(JournalException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a Ringside journal");

        Path other = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT, value TEXT)");
        }
        assertThatThrownBy(() -> ReadOnlyJournal.open(other)).hasMessageContaining("an SQLite database but not a Ringside journal");
        assertThatThrownBy(() -> ReadOnlyJournal.open(dir.resolve("missing.db"))).hasMessageContaining("no journal file at");
    }
}
