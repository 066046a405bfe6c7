package dev.ringside.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** An approved action executes at most once: its digest can be claimed once, ever. */
class ExecutionLedgerTest {

    @TempDir
    Path dir;

    private Journal open() {
        return Journal.open(JournalOptions.at(dir.resolve("journal.db")));
    }

    @Test
    void aDigestIsClaimedOnlyTheFirstTime() {
        try (Journal journal = open()) {
            assertThat(journal.claimExecution("digest-1", "req-1")).isTrue();
            assertThat(journal.claimExecution("digest-1", "req-1")).isFalse();
            assertThat(journal.claimExecution("digest-1", "req-2")).isFalse();
            assertThat(journal.claimExecution("digest-2", "req-2")).isTrue();
        }
    }

    @Test
    void aClaimSurvivesClosingAndReopeningTheFile() {
        try (Journal journal = open()) {
            assertThat(journal.claimExecution("digest-1", "req-1")).isTrue();
        }
        try (Journal reopened = open()) {
            assertThat(reopened.claimExecution("digest-1", "req-1")).isFalse();
        }
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        int threads = 8;
        try (Journal journal = open(); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String requestId = "req-" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return journal.claimExecution("digest-contended", requestId);
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
    }
}
