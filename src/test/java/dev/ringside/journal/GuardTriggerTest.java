package dev.ringside.journal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database itself refuses edits to the audit chain, the trace and the execution ledger. */
class GuardTriggerTest {

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void journalWithThreeLinks() {
        db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            for (int i = 1; i <= 3; i++) {
                journal.record("run-1", "a", new TraceEvent.DecisionMade("c" + i, "delete_pod", "allow", "allow", "", "d" + i));
            }
            journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "p"));
            journal.claimExecution("digest-1", "req-1");
        }
    }

    @Test
    void refusesUpdatingAnAuditLink() {
        assertRefused("UPDATE audit_links SET agent = 'mallory' WHERE seq = 2", "UPDATE refused");
        assertThat(query("SELECT agent FROM audit_links WHERE seq = 2")).isEqualTo("a");
    }

    @Test
    void refusesDeletingAnAuditLink() {
        assertRefused("DELETE FROM audit_links WHERE seq = 3", "DELETE refused");
        assertThat(query("SELECT count(*) FROM audit_links")).isEqualTo("3");
    }

    @Test
    void refusesReplacingAnAuditLinkWithInsertOrReplace() {
        assertRefused("INSERT OR REPLACE INTO audit_links SELECT seq, prev_hash, hash, at_micros, run_id, 'mallory',"
                + " type, event_id, payload FROM audit_links WHERE seq = 2", "append-only");
        assertThat(query("SELECT agent FROM audit_links WHERE seq = 2")).isEqualTo("a");
    }

    @Test
    void refusesALinkThatLeavesAGap() {
        assertRefused("INSERT INTO audit_links SELECT seq + 2, hash, hash, at_micros, run_id, agent, type, event_id,"
                + " payload FROM audit_links WHERE seq = 3", "append-only");
    }

    @Test
    void refusesALinkThatDoesNotPointAtTheLastHash() {
        assertRefused("INSERT INTO audit_links SELECT seq + 1, prev_hash, hash, at_micros, run_id, agent, type,"
                + " event_id, payload FROM audit_links WHERE seq = 3", "append-only");
    }

    @Test
    void acceptsTheCorrectNextLinkSoTheGuardIsNotSimplyRefusingEverything() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_links SELECT seq + 1, hash, hash, at_micros, run_id, agent, type, event_id,"
                    + " payload FROM audit_links WHERE seq = 3");
        }
        assertThat(query("SELECT count(*) FROM audit_links")).isEqualTo("4");
    }

    @Test
    void refusesUpdatingOrReplacingATraceEvent() {
        assertRefused("UPDATE trace_events SET payload = '{}' WHERE id = 1", "UPDATE refused");
        assertRefused("INSERT OR REPLACE INTO trace_events (id, at_micros, run_id, agent, type, payload)"
                + " VALUES (4, 0, 'run-1', 'a', 'model_request', '{}')", "ids only grow");
    }

    @Test
    void refusesForgettingAnExecutionClaim() {
        assertRefused("DELETE FROM executions WHERE digest = 'digest-1'", "DELETE refused");
        assertRefused("UPDATE executions SET digest = 'other'", "UPDATE refused");
    }

    private void assertRefused(String sql, String reason) {
        assertThatThrownBy(() -> {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining(reason);
    }

    private String query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }
}
