package dev.ringside.bench;

import dev.ringside.app.FileTrees;
import dev.ringside.ui.replay.ReplayView;
import dev.ringside.ui.replay.ReplayViewModel;
import dev.ringside.ui.trace.TraceRow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The cockpit's replay view opening a recorded run of 1,000,000 events (default): the time from
 * asking to open until its first events are on screen, and the heap in use after a full collection
 * with the run open (and, for comparison, with the empty replay view before opening it).
 *
 * <p>Run with {@code bench/replay-heap [--events N]}. Not JMH: one open and one heap reading.
 */
public final class ReplayHeapBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length >= 2 && args[0].equals("--events") ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("ringside-replay-heap");
        try {
            Path db = dir.resolve("journal.db");
            long recordStart = System.nanoTime();
            BigRun.record(db, events);
            System.out.printf("recorded a run of %,d events in %.1f s (%,d bytes on disk)%n", events,
                    (System.nanoTime() - recordStart) / 1e9, Files.size(db));
            measure(db);
        } finally {
            FileTrees.delete(dir);
            Platform.exit();
        }
    }

    private static void measure(Path db) throws Exception {
        ReplayViewModel[] vm = new ReplayViewModel[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            vm[0] = new ReplayViewModel();
            Stage stage = new Stage();
            stage.setScene(new Scene(new ReplayView(vm[0], "replay"), 1200, 800));
            stage.show();
            shown.countDown();
        });
        shown.await();
        long empty = usedHeapAfterGc();

        CountDownLatch loaded = new CountDownLatch(1);
        long[] openNanos = new long[1];
        Platform.runLater(() -> {
            long start = System.nanoTime();
            vm[0].rows().addListener((ListChangeListener<TraceRow>) change -> {
                if (vm[0].loadedProperty().get() && !vm[0].rows().isEmpty() && loaded.getCount() > 0) {
                    openNanos[0] = System.nanoTime() - start;
                    loaded.countDown();
                }
            });
            vm[0].openRun(db, BigRun.RUN_ID);
        });
        if (!loaded.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("the run did not open: " + vm[0].errorProperty().get());
        long open = usedHeapAfterGc();
        int[] rows = new int[2];
        CountDownLatch read = new CountDownLatch(1);
        Platform.runLater(() -> {
            rows[0] = vm[0].lastPositionProperty().get() + 1;
            rows[1] = vm[0].rows().size();
            read.countDown();
        });
        read.await();
        System.out.printf("replay view opened a run of %,d events in %.2f s (%,d rows in its window)%n", rows[0], openNanos[0] / 1e9, rows[1]);
        System.out.printf("heap used after a full GC with the run open: %.1f MiB (%.1f MiB before opening it, with the empty replay view)%n",
                mib(open), mib(empty));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
