package dev.ringside.ui;

import dev.ringside.app.ClusterWorld;
import dev.ringside.app.CockpitOpener;
import dev.ringside.app.Engine;
import dev.ringside.ui.backend.EngineBackend;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Opens the cockpit on the engine the command line started, starts the watches, and waits for the window to close. */
public final class CockpitLauncher implements CockpitOpener {

    @Override
    public void startToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (UnsupportedOperationException noDisplay) {
            throw new CannotOpen("the cockpit cannot open a window here (" + noDisplay.getMessage() + "); run it in a desktop "
                    + "session, or work without the UI: 'ringside run --headless'", noDisplay);
        }
        Platform.setImplicitExit(true);
    }

    @Override
    public int open(Options options) throws InterruptedException {
        Engine engine = options.engine();
        ClusterWorld world = engine.world();
        try (EngineBackend backend = new EngineBackend(engine, new EngineBackend.Setting(world.contextName(), world.namespacesLabel(),
                options.modelLabel()), Clock.systemUTC())) {
            CountDownLatch closed = new CountDownLatch(1);
            AtomicReference<RuntimeException> notBuilt = new AtomicReference<>();
            Platform.runLater(() -> {
                try {
                    show(options, backend, closed);
                } catch (RuntimeException e) {
                    notBuilt.set(e);
                    closed.countDown();
                }
            });
            engine.startWatching();
            closed.await();
            Platform.exit();
            if (notBuilt.get() != null) throw new IllegalStateException("the cockpit window could not be built", notBuilt.get());
        }
        return 0;
    }

    private static void show(Options options, EngineBackend backend, CountDownLatch closed) {
        CockpitViewModel vm = new CockpitViewModel(backend, options.approver(), Clock.systemUTC());
        vm.darkProperty().set(!options.light());
        Stage stage = new Stage();
        CockpitWindow window = new CockpitWindow(vm);
        window.show(stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
        if (options.startupReport()) {
            StartupProbe.whenInteractive(window.scene(), () -> !vm.agents().agents().isEmpty(), line -> {
                System.out.println(line);
                System.out.flush();
                stage.close();
            });
        }
    }
}
