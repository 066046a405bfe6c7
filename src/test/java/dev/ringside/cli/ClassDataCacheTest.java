package dev.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataCacheTest {
    @TempDir
    Path home;

    @Test
    void onlyAnArchiveOfRingsidesIsTakenFromTheLauncher() {
        assertThat(ClassDataCache.archiveNamed("/b/Ringside-0.1.0-abc.jsa")).contains(Path.of("/b/Ringside-0.1.0-abc.jsa"));
        assertThat(ClassDataCache.archiveNamed("/a/ringside-1.jsa")).contains(Path.of("/a/ringside-1.jsa"));
        assertThat(ClassDataCache.archiveNamed("/opt/other/app.jsa")).isEmpty();
        assertThat(ClassDataCache.archiveNamed(null)).isEmpty();
        assertThat(ClassDataCache.archiveNamed(" ")).isEmpty();
    }

    @Test
    void makesTheDirectoryAndDeletesOnlyOtherBuildsOfTheSameLauncher() throws Exception {
        Path cache = home.resolve(".cache/ringside");
        Path current = cache.resolve("Ringside-0.1.0-new.jsa");
        ClassDataCache.prepare(current);
        assertThat(cache).isDirectory();

        Path older = Files.writeString(cache.resolve("Ringside-0.1.0-old.jsa"), "x");
        Path sourceTree = Files.writeString(cache.resolve("ringside-1790000000-123.jsa"), "x");
        Path unrelated = Files.writeString(cache.resolve("notes.txt"), "x");
        Files.writeString(current, "x");
        ClassDataCache.prepare(current);

        assertThat(older).doesNotExist();
        assertThat(current).exists();
        assertThat(sourceTree).as("the source-tree launcher's archive is its own family").exists();
        assertThat(unrelated).exists();
    }
}
