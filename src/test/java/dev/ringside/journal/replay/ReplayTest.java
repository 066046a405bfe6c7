package dev.ringside.journal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.journal.EventType;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.JournalException;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import dev.ringside.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    @TempDir
    Path dir;
    private Path copied;
    private final MutableClock clock = MutableClock.at("2026-11-21T03:00:00Z");

    /** A run of 100 events one second apart: every 10th a decision, event 55 a flag; plus another run interleaved. */
    @BeforeEach
    void recordARunThenCopyTheFileElsewhere() throws Exception {
        Path db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db).withClock(clock))) {
            for (int i = 0; i < 100; i++) {
                TraceEvent event = i % 10 == 0 ? new TraceEvent.DecisionMade("c" + i, "list_pods", "allow", "allow", "ok", "d")
                        : i == 55 ? new TraceEvent.InjectionFlagged("c" + i, "log-line", "ignore previous", "override")
                        : new TraceEvent.ModelResponse("planner", "step " + i, "");
                journal.record("run-a", "crashloop-agent", event);
                journal.record("run-b", "oom-agent", new TraceEvent.ModelResponse("planner", "other", ""));
                clock.advance(Duration.ofSeconds(1));
            }
        }
        Path elsewhere = Files.createDirectories(dir.resolve("other-machine"));
        copied = Files.copy(db, elsewhere.resolve("journal.db"));
    }

    @Test
    void opensOneRunOfAJournalFromAnotherMachine() {
        try (ReplayIndex index = ReplayIndex.open(copied, "run-a")) {
            assertThat(index.size()).isEqualTo(100);
            assertThat(index.start()).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
            assertThat(index.end()).isEqualTo(Instant.parse("2026-11-21T03:01:39Z"));
            assertThat(index.type(0)).isEqualTo(EventType.of(new TraceEvent.DecisionMade("", "", "", "", "", "")));
        }
    }

    @Test
    void windowsDecodeTheRecordedEventsInOrder() {
        try (ReplayIndex index = ReplayIndex.open(copied, "run-a")) {
            var events = index.window(53, 3);
            assertThat(events).extracting(JournalEntry::runId).containsOnly("run-a");
            assertThat(events.get(2).event()).isEqualTo(new TraceEvent.InjectionFlagged("c55", "log-line", "ignore previous", "override"));
            assertThat(index.window(99, 10)).hasSize(1);
            assertThat(index.window(100, 10)).isEmpty();
        }
    }

    @Test
    void jumpsToTheNextAndPreviousDecisionOrFlag() {
        try (ReplayIndex index = ReplayIndex.open(copied, "run-a")) {
            Set<EventType> decisions = Set.of(index.type(0));
            assertThat(index.next(0, decisions)).isEqualTo(10);
            assertThat(index.next(90, decisions)).isEqualTo(-1);
            assertThat(index.previous(35, decisions)).isEqualTo(30);
            assertThat(index.next(41, Set.of(index.type(55)))).isEqualTo(55);
        }
    }

    @Test
    void scrubbingToATimeLandsOnTheLastEventAtOrBeforeIt() {
        try (ReplayIndex index = ReplayIndex.open(copied, "run-a")) {
            assertThat(index.indexAt(Instant.parse("2026-11-21T03:00:42.500Z"))).isEqualTo(42);
            assertThat(index.indexAt(Instant.parse("2026-11-21T02:00:00Z"))).isZero();
            assertThat(index.indexAt(Instant.parse("2026-11-22T00:00:00Z"))).isEqualTo(99);
        }
    }

    @Test
    void playingAdvancesAtTheChosenSpeedAndStopsAtTheEnd() {
        try (ReplayIndex index = ReplayIndex.open(copied, "run-a")) {
            ReplayPlayer player = new ReplayPlayer(index);
            assertThat(player.advance(Duration.ofSeconds(5))).as("paused").isZero();
            player.play();
            assertThat(player.advance(Duration.ofSeconds(3))).isEqualTo(3);
            player.speed(10);
            assertThat(player.advance(Duration.ofSeconds(2))).isEqualTo(23);
            player.stepBack();
            assertThat(player.position()).isEqualTo(22);
            player.speed(100);
            player.advance(Duration.ofMinutes(5));
            assertThat(player.position()).isEqualTo(99);
            assertThat(player.playing()).isFalse();
            assertThatThrownBy(() -> player.speed(500)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anUnknownRunOrFileIsAClearError() {
        assertThatThrownBy(() -> ReplayIndex.open(copied, "nope")).isInstanceOf(JournalException.class).hasMessageContaining("no run 'nope'");
        assertThatThrownBy(() -> ReplayIndex.open(dir.resolve("missing.db"), "run-a")).hasMessageContaining("no journal file");
    }
}
