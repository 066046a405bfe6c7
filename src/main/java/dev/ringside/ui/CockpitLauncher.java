package dev.ringside.ui;

import dev.ringside.agent.model.ModelSettings;
import dev.ringside.agent.model.Models;
import dev.ringside.app.CockpitOpener;
import dev.ringside.app.Engine;
import dev.ringside.app.SandboxDemo;
import dev.ringside.ui.backend.EngineBackend;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts the sandbox engine, opens the cockpit on it, starts the watches, and waits for the window to close. */
public final class CockpitLauncher implements CockpitOpener {
    /** What the status bar calls the in-process demo cluster (not a kubeconfig context). */
    public static final String SANDBOX_CONTEXT = "ringside-sandbox (in-process)";

    @Override
    public int open(Options options) throws InterruptedException {
        Models models = Models.fromEnvironment(ModelSettings.OFFLINE);
        try (Engine engine = Engine.sandbox(options.journal(), options.policy(), SandboxDemo.models(models));
             EngineBackend backend = new EngineBackend(engine, options.journal(), new EngineBackend.Setting(SANDBOX_CONTEXT,
                     SandboxDemo.NAMESPACE, models.label(), EngineBackend.slackFromEnvironment()), Clock.systemUTC())) {
            CountDownLatch closed = new CountDownLatch(1);
            Platform.setImplicitExit(true);
            Platform.startup(() -> {
                CockpitViewModel vm = new CockpitViewModel(backend, options.approver(), Clock.systemUTC());
                vm.darkProperty().set(!options.light());
                Stage stage = new Stage();
                new CockpitWindow(vm).show(stage);
                stage.setOnHidden(e -> {
                    vm.close();
                    closed.countDown();
                });
            });
            engine.startWatching();
            closed.await();
            Platform.exit();
        }
        return 0;
    }
}
