package dev.ringside.journal;

import dev.ringside.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {

    @TempDir
    Path dir;

    @Test
    void pruningRemovesOldTraceEventsButKeepsEveryAuditLink() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        Path db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db).withClock(clock).withTraceRetention(Duration.ofDays(90)))) {
            journal.record("old-run", "a", new TraceEvent.RunStarted("crashloop", "pod", "live", "m"));
            journal.record("old-run", "a", new TraceEvent.DecisionMade("c1", "delete_pod", "allow", "allow", "", "d1"));
            journal.record("old-run", "a", new TraceEvent.ModelRequest("m", "p"));
            clock.advance(Duration.ofDays(89));
            journal.record("recent-run", "a", new TraceEvent.RunStarted("crashloop", "pod", "live", "m"));
            journal.record("recent-run", "a", new TraceEvent.KillStep("k1", "halt", "requested", ""));
            clock.advance(Duration.ofDays(2)); // old-run is now 91 days old, recent-run 2 days

            assertThat(journal.pruneTraceEvents()).isEqualTo(3);

            assertThat(journal.readRun("old-run")).isEmpty();
            assertThat(journal.readRun("recent-run")).hasSize(2);
            assertThat(journal.runs()).extracting(RunSummary::runId).containsExactly("recent-run");
            assertThat(journal.pruneTraceEvents()).isZero();
            // ids keep growing after the newest rows of a table were pruned
            assertThat(journal.record("recent-run", "a", new TraceEvent.ModelRequest("m", "p"))).isEqualTo(6);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_links")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
        assertThat(AuditVerifier.verify(db).message()).isEqualTo("audit: OK, 2 entries");
    }
}
