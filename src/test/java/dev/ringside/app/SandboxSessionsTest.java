package dev.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.app.config.RingsideConfig;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSessionsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path dir;

    private Path session(String name, Duration age) throws Exception {
        Path db = dir.resolve(name);
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            journal.record("run-1", "oom-agent", new dev.ringside.journal.TraceEvent.RunEnded("done", "ok"));
        }
        Files.writeString(dir.resolve(name + "-wal"), "");
        Files.setLastModifiedTime(db, FileTime.from(NOW.minus(age)));
        return db;
    }

    @Test
    void sessionsUntouchedForLongerThanTheRetentionGoWithEverythingBesideThem() throws Exception {
        Path old = session("session-20260801T000000Z-11.db", Duration.ofDays(100));
        Path recent = session("session-20261120T000000Z-12.db", Duration.ofDays(1));
        Path notASession = Files.writeString(dir.resolve("notes.db"), "mine");
        Files.setLastModifiedTime(notASession, FileTime.from(NOW.minus(Duration.ofDays(400))));

        assertThat(SandboxSessions.prune(dir, Duration.ofDays(90), NOW)).containsExactly(old);

        assertThat(old).doesNotExist();
        assertThat(dir.resolve(old.getFileName() + "-wal")).doesNotExist();
        assertThat(dir.resolve(old.getFileName() + ".checkpoints")).doesNotExist();
        assertThat(recent).exists();
        assertThat(dir.resolve(recent.getFileName() + ".checkpoints")).isDirectory();
        assertThat(notASession).exists();
    }

    @Test
    void noDirectoryYetHasNothingToPrune() {
        assertThat(SandboxSessions.prune(dir.resolve("sandbox"), Duration.ofDays(90), NOW)).isEmpty();
    }

    @Test
    void eachSandboxStartPrunesTheOldSessionsBesideItsNewJournal() throws Exception {
        RingsideConfig config = RingsideConfig.defaults(dir);
        Path sessions = Files.createDirectories(dir.resolve("sandbox"));
        Path old = Files.writeString(sessions.resolve("session-20260101T000000Z-1.db"), "");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(config.retention()).minusSeconds(60)));

        Path journal = ConfiguredEngine.journalOptions(config, null, Clock.fixed(NOW, ZoneOffset.UTC)).db();

        assertThat(journal.getParent()).isEqualTo(sessions);
        assertThat(old).doesNotExist();
    }
}
