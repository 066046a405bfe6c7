package dev.ringside.journal;

import dev.ringside.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {

    private static final Instant T0 = Instant.parse("2025-11-21T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private Journal open() {
        return Journal.open(JournalOptions.at(dir.resolve("journal.db")).withClock(clock));
    }

    @Test
    void pendingMessagesComeBackInTheOrderTheyWereEnqueued() {
        try (Journal journal = open()) {
            long first = journal.enqueue("post", "C1", "{\"text\":\"one\"}");
            long second = journal.enqueue("post", "C1", "{\"text\":\"two\"}");
            long third = journal.enqueue("update", "C1", "{\"text\":\"three\"}");

            assertThat(first).isLessThan(second).isLessThan(third);
            assertThat(journal.pending(10)).extracting(OutboxMessage::id).containsExactly(first, second, third);
            assertThat(journal.pending(1)).extracting(OutboxMessage::payloadJson).containsExactly("{\"text\":\"one\"}");
        }
    }

    @Test
    void aFailedAttemptKeepsItsPlaceAtTheHeadOfTheLine() {
        try (Journal journal = open()) {
            long first = journal.enqueue("post", "C1", "{}");
            long second = journal.enqueue("post", "C1", "{}");
            Instant later = T0.plusSeconds(30);

            journal.markRetry(first, later, "HTTP 503");

            OutboxMessage head = journal.pending(1).getFirst();
            assertThat(head.id()).isEqualTo(first);
            assertThat(head.attempts()).isEqualTo(1);
            assertThat(head.nextAttemptAt()).isEqualTo(later);
            assertThat(head.lastError()).isEqualTo("HTTP 503");
            assertThat(journal.pending(10)).extracting(OutboxMessage::id).containsExactly(first, second);
        }
    }

    @Test
    void deliveredMessagesLeaveTheLineAndKeepTheirSlackTimestampForEdits() {
        try (Journal journal = open()) {
            long first = journal.enqueue("post", "C1", "{}");
            long second = journal.enqueue("post", "C1", "{}");

            journal.markDelivered(first, "1700000000.000100");

            assertThat(journal.pending(10)).extracting(OutboxMessage::id).containsExactly(second);
            OutboxMessage delivered = journal.outboxMessage(first).orElseThrow();
            assertThat(delivered.status()).isEqualTo("delivered");
            assertThat(delivered.remoteId()).isEqualTo("1700000000.000100");
        }
    }

    @Test
    void aMessageRefusedForGoodLeavesTheLineWithItsReason() {
        try (Journal journal = open()) {
            long first = journal.enqueue("post", "C1", "{}");
            long second = journal.enqueue("post", "C1", "{}");

            journal.markFailed(first, "invalid_blocks");

            assertThat(journal.pending(10)).extracting(OutboxMessage::id).containsExactly(second);
            assertThat(journal.outboxMessage(first).orElseThrow())
                    .extracting(OutboxMessage::status, OutboxMessage::lastError).containsExactly("failed", "invalid_blocks");
        }
    }

    @Test
    void aMessageCanBeDeliveredOnlyOnce() {
        try (Journal journal = open()) {
            long id = journal.enqueue("post", "C1", "{}");
            journal.markDelivered(id, "1.1");

            assertThatThrownBy(() -> journal.markDelivered(id, "2.2"))
                    .isInstanceOf(JournalException.class).hasMessageContaining("not pending");
            assertThat(journal.outboxMessage(id).orElseThrow().remoteId()).isEqualTo("1.1");
        }
    }

    @Test
    void undeliveredMessagesSurviveARestart() {
        long id;
        try (Journal journal = open()) {
            journal.markDelivered(journal.enqueue("post", "C1", "{\"n\":1}"), "1.1");
            id = journal.enqueue("post", "C1", "{\"n\":2}");
        }
        try (Journal reopened = open()) {
            assertThat(reopened.pending(10)).extracting(OutboxMessage::id, OutboxMessage::payloadJson)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "{\"n\":2}"));
            assertThat(reopened.enqueue("post", "C1", "{}")).isGreaterThan(id);
        }
    }

    @Test
    void aVersion1JournalIsMigratedInPlaceAndKeepsItsVerifiableAuditChain() throws Exception {
        Path db = dir.resolve("journal.db");
        try (Journal journal = open()) {
            journal.record("run-1", "a", new TraceEvent.KillStep("k", "local-halt", "requested", "by alice"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE outbox");
            s.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
        }

        try (Journal migrated = open()) {
            assertThat(migrated.readRun("run-1")).hasSize(1);
            long id = migrated.enqueue("post", "C1", "{}");
            assertThat(migrated.pending(10)).extracting(OutboxMessage::id).containsExactly(id);
        }
        assertThat(JournalSchema.meta(DriverManager.getConnection("jdbc:sqlite:" + db), "schema_version")).isEqualTo("2");
        assertThat(AuditVerifier.verify(db).ok()).isTrue();
    }

    @Test
    void auditHeadIsTheNewestCommittedLink() {
        try (Journal journal = open()) {
            assertThat(journal.auditHead().seq()).isZero();
            journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "not audited"));
            journal.record("run-1", "a", new TraceEvent.KillStep("k", "local-halt", "requested", ""));
            journal.record("run-1", "a", new TraceEvent.KillStep("k", "local-halt", "confirmed", ""));
            journal.flush();

            AuditHead head = journal.auditHead();
            assertThat(head.seq()).isEqualTo(2);
            assertThat(head.hashHex()).hasSize(64).isEqualTo(journal.checkpoint().headHash());
        }
    }
}
