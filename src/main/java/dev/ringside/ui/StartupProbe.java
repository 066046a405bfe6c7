package dev.ringside.ui;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Scene;

/**
 * Tells when a cold-started cockpit became usable: at the pulse after the first one that laid out
 * the shown window with the agents panel filled, so that frame has been handed to the renderer.
 * Measured from the JVM's start, which is what a person waits through after launching.
 */
final class StartupProbe implements Runnable {
    private final Scene scene;
    private final BooleanSupplier ready;
    private final Consumer<String> report;
    private boolean laidOutReady;

    private StartupProbe(Scene scene, BooleanSupplier ready, Consumer<String> report) {
        this.scene = scene;
        this.ready = ready;
        this.report = report;
    }

    /** On the FX thread: reports {@link #line} once, then stops listening. */
    static void whenInteractive(Scene scene, BooleanSupplier ready, Consumer<String> report) {
        scene.addPostLayoutPulseListener(new StartupProbe(scene, ready, report));
    }

    static String line(long millis) {
        return "cockpit interactive after " + millis + " ms (JVM start to first frame)";
    }

    @Override
    public void run() {
        if (!laidOutReady) {
            laidOutReady = scene.getWindow() != null && scene.getWindow().isShowing() && ready.getAsBoolean();
            return;
        }
        scene.removePostLayoutPulseListener(this);
        report.accept(line(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
    }
}
