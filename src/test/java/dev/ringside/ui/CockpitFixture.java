package dev.ringside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
import dev.ringside.agent.model.ModelSettings;
import dev.ringside.agent.model.Models;
import dev.ringside.app.Engine;
import dev.ringside.app.SandboxDemo;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import dev.ringside.ui.backend.EngineBackend;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A real sandbox engine and journal behind the real cockpit window, approved from by "alice". */
final class CockpitFixture implements AutoCloseable {
    static final String APPROVER = "alice";
    static final Incident CHECKOUT = new Incident("crashloop", SandboxNames.SHOP, SandboxNames.CHECKOUT,
            "checkout crash-loops", "test", null);

    final Engine engine;
    final EngineBackend backend;
    final CockpitViewModel vm;
    final FxRobot robot = new FxRobot();

    private CockpitFixture(Path dir, Path policy) throws Exception {
        Path journal = dir.resolve("journal.db");
        Models models = Models.fromEnvironment(ModelSettings.OFFLINE);
        engine = Engine.sandbox(journal, policy, SandboxDemo.models(models));
        backend = new EngineBackend(engine, new EngineBackend.Setting(engine.world().contextName(),
                engine.world().namespacesLabel(), models.label()), Clock.systemUTC());
        vm = new CockpitViewModel(backend, APPROVER, Clock.systemUTC());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> new CockpitWindow(vm).show(stage));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static CockpitFixture open(Path dir) throws Exception {
        return new CockpitFixture(dir, null);
    }

    /** The built-in policy with one line changed. */
    static CockpitFixture openWithPolicy(Path dir, String from, String to) throws Exception {
        String text = new String(CockpitFixture.class.getResourceAsStream("/policy/default-policy.yaml").readAllBytes());
        assertThat(text).contains(from);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, text.replace(from, to));
        return new CockpitFixture(dir, policy);
    }

    static CockpitFixture openWithPolicyText(Path dir, String policyText) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, policyText);
        return new CockpitFixture(dir, policy);
    }

    AgentRuntime.RunHandle startCheckoutIncident() {
        return engine.runtime().trigger(CHECKOUT).orElseThrow();
    }

    /** Waits until the condition, read on the FX thread, holds. */
    static void until(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    /** The approvals inbox's list of pending requests. */
    ListView<?> inbox() {
        return node("#approvals-list");
    }

    boolean shown(String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    String checkoutImage() {
        Deployment d = engine.sandboxCluster().adminClient().apps().deployments().inNamespace(SandboxNames.SHOP)
                .withName(SandboxNames.CHECKOUT).get();
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    <T extends TraceEvent> List<T> journaled(Class<T> type) {
        engine.journal().flush();
        return engine.journal().readAfter(0, 100_000).stream().map(JournalEntry::event).filter(type::isInstance)
                .map(type::cast).toList();
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        vm.close();
        backend.close();
        engine.close();
    }
}
