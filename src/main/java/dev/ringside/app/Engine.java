package dev.ringside.app;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
import dev.ringside.agent.RunbookLoader;
import dev.ringside.agent.guard.OutputGuard;
import dev.ringside.cluster.ClusterIncident;
import dev.ringside.cluster.IncidentWatcher;
import dev.ringside.cluster.sandbox.SandboxNames;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.GatedTools;
import dev.ringside.gate.Governance;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.slack.SlackBridge;
import dev.ringside.slack.SlackSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one Ringside process runs, wired once: the cluster (the sandbox, for now), the
 * journal, the gate with its kill switch and approvals, and the agent runtime fed by watches.
 * The CLI and the cockpit drive this same engine.
 */
public final class Engine implements AutoCloseable {
    private final SandboxWorld world;
    private final Journal journal;
    private final Governance governance;
    private final AgentRuntime runtime;
    private final Map<String, GatedTools> tools = new ConcurrentHashMap<>();
    private IncidentWatcher watcher;
    private SlackBridge slack;

    private Engine(SandboxWorld world, Journal journal, ActivePolicy policy, AgentRuntime.ModelChoice models, Clock clock) {
        this.world = world;
        this.journal = journal;
        this.governance = new Governance(policy, journal::record, journal::claimExecution, clock);
        this.runtime = new AgentRuntime(governance, journal::record,
                agent -> tools.computeIfAbsent(agent, a -> new GatedTools(governance, world.adapterFor(a), journal::record, clock)),
                models, RunbookLoader.builtIn(), new OutputGuard());
        governance.killSwitch().addListener(kill -> journal.checkpoint());
    }

    /** The sandbox cluster, a journal at {@code journalFile}, and the given policy (null: built-in). */
    public static Engine sandbox(Path journalFile, Path policyFile, AgentRuntime.ModelChoice models) {
        Clock clock = Clock.systemUTC();
        SandboxWorld world = SandboxWorld.start(clock);
        try {
            Journal journal = Journal.open(JournalOptions.at(journalFile));
            return new Engine(world, journal, ActivePolicy.load(policyFile), models, clock);
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /**
     * Connects Slack when settings are given (environment or token file): approvals, kill receipts
     * and audit witnesses go through the journal's outbox, so an outage loses nothing.
     */
    public void connectSlack(Optional<SlackSettings> settings) {
        settings.ifPresent(s -> slack = SlackBridge.start(governance, journal, s));
    }

    public Optional<SlackBridge> slack() {
        return Optional.ofNullable(slack);
    }

    /** Starts the watches; each incident they report starts its runbook (duplicates are dropped). */
    public void startWatching() {
        watcher = IncidentWatcher.start(world.cluster().adminClient(), Set.of(SandboxNames.AGENTS), this::onIncident);
    }

    private void onIncident(ClusterIncident seen) {
        runtime.trigger(new Incident(seen.kind(), seen.namespace(), seen.workload(), seen.summary(), "kubernetes watch", null));
    }

    public Journal journal() {
        return journal;
    }

    public Governance governance() {
        return governance;
    }

    public AgentRuntime runtime() {
        return runtime;
    }

    public SandboxWorld world() {
        return world;
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        runtime.close();
        if (slack != null) slack.close();
        journal.close();
        world.close();
    }
}
