package dev.ringside.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTest {

    // Generous liveness bound, not a performance threshold: the tests only fail if delivery never happens.
    private static final long PATIENCE_SECONDS = 60;

    @TempDir
    Path dir;

    private Journal open() {
        return Journal.open(JournalOptions.at(dir.resolve("journal.db")));
    }

    @Test
    void aSubscriberSeesEventsRecordedAfterItSubscribed() throws Exception {
        try (Journal journal = open()) {
            journal.record("run-0", "a", new TraceEvent.ModelRequest("m", "before"));
            journal.flush();
            Collector seen = new Collector(2);
            try (AutoCloseable ignored = journal.subscribe(seen)) {
                journal.record("run-1", "a", new TraceEvent.RunStarted("crashloop", "pod", "live", "m"));
                journal.record("run-1", "a", new TraceEvent.DecisionMade("c", "delete_pod", "allow", "allow", "", "d"));
                seen.await();
            }
            assertThat(seen.entries).extracting(JournalEntry::id).containsExactly(2L, 3L);
            assertThat(seen.entries.get(1).event()).isInstanceOf(TraceEvent.DecisionMade.class);
        }
    }

    @Test
    void aThrowingSubscriberBreaksNeitherTheWriterNorOtherSubscribers() throws Exception {
        try (Journal journal = open()) {
            journal.subscribe(entry -> {
                throw new IllegalStateException("subscriber bug");
            });
            Collector seen = new Collector(3);
            journal.subscribe(seen);
            for (int i = 0; i < 3; i++) {
                journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "p" + i));
            }
            journal.flush();
            seen.await();
            assertThat(seen.entries).extracting(JournalEntry::id).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aSubscriberThatFallsFarBehindStillGetsEveryEventOnceAndInOrder() throws Exception {
        int events = 40_000; // more than a subscriber's queue holds, so entries overflow and must be re-read
        try (Journal journal = open()) {
            CountDownLatch release = new CountDownLatch(1);
            Collector seen = new Collector(events) {
                @Override
                public void accept(JournalEntry entry) {
                    awaitQuietly(release);
                    super.accept(entry);
                }
            };
            journal.subscribe(seen);
            for (int i = 0; i < events; i++) {
                journal.record("run-1", "a", new TraceEvent.ModelRequest("m", "p" + i));
            }
            journal.flush(); // the writer finished while the subscriber was stuck
            release.countDown();
            seen.await();
            assertThat(seen.entries).hasSize(events);
            for (int i = 0; i < events; i++) {
                assertThat(seen.entries.get(i).id()).isEqualTo(i + 1L);
            }
        }
    }

    private static class Collector implements java.util.function.Consumer<JournalEntry> {
        final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
        private final CountDownLatch done;

        Collector(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public void accept(JournalEntry entry) {
            entries.add(entry);
            done.countDown();
        }

        void await() throws InterruptedException {
            assertThat(done.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("all entries delivered").isTrue();
        }

        static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
