package dev.ringside.bench;

import dev.ringside.app.FileTrees;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.replay.ReplayIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Replay of one run of 1,000,000 recorded events: time to open it, and to seek and read a screenful. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ReplayBenchmark {
    @Param("1000000")
    public int events;

    private Path dir;
    private Path db;
    private ReplayIndex open;

    @Setup(Level.Trial)
    public void recordTheRun() throws Exception {
        dir = Files.createTempDirectory("ringside-bench");
        db = dir.resolve("journal.db");
        BigRun.record(db, events);
        open = ReplayIndex.open(db, BigRun.RUN_ID);
        long heapBytes = (long) open.size() * (Long.BYTES * 2 + 1);
        System.out.println("replay index of " + open.size() + " events holds " + heapBytes / (1024 * 1024) + " MiB of arrays");
    }

    @TearDown(Level.Trial)
    public void delete() throws Exception {
        open.close();
        FileTrees.delete(dir);
    }

    @Benchmark
    public int openRun() {
        try (ReplayIndex index = ReplayIndex.open(db, BigRun.RUN_ID)) {
            return index.size();
        }
    }

    @Benchmark
    public List<JournalEntry> seekAndReadAScreenful() {
        int position = ThreadLocalRandom.current().nextInt(open.size());
        return open.window(position, 100);
    }
}
