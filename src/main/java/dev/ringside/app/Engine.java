package dev.ringside.app;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
import dev.ringside.agent.Runbook;
import dev.ringside.agent.RunbookLoader;
import dev.ringside.agent.guard.OutputGuard;
import dev.ringside.cluster.ClusterIncident;
import dev.ringside.cluster.IncidentWatcher;
import dev.ringside.cluster.kill.ClusterKill;
import dev.ringside.cluster.kill.KillSettings;
import dev.ringside.cluster.kill.KillStepReport;
import dev.ringside.cluster.kill.RestorePlan;
import dev.ringside.cluster.kill.Revocation;
import dev.ringside.gate.KillSwitch;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent;
import dev.ringside.cluster.sandbox.SandboxCluster;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.GatedTools;
import dev.ringside.gate.Governance;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.slack.SlackBridge;
import dev.ringside.slack.SlackSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one Ringside process runs, wired once: the cluster (the sandbox or a kubeconfig
 * context, see {@link ClusterWorld}), the journal, the gate with its kill switch and approvals, and
 * the agent runtime fed by watches. The CLI and the cockpit drive this same engine;
 * {@link ConfiguredEngine} builds it from the configuration.
 */
public final class Engine implements AutoCloseable {
    /**
     * How to run on a world.
     *
     * @param policy        the policy file; null means the built-in policy
     * @param runbooks      the runbooks the runtime may start
     * @param agentSelector label selector the kill switch finds agents by
     */
    public record Settings(JournalOptions journal, Path policy, List<Runbook> runbooks, AgentRuntime.ModelChoice models,
                           String agentSelector) {
        public Settings {
            runbooks = List.copyOf(runbooks);
        }
    }

    private final ClusterWorld world;
    private final Journal journal;
    private final Governance governance;
    private final AgentRuntime runtime;
    private final Map<String, GatedTools> tools = new ConcurrentHashMap<>();
    private final ClusterKill clusterKill;
    private IncidentWatcher watcher;
    private SlackBridge slack;
    private volatile Thread clusterKillThread;
    private volatile Revocation lastRevocation;

    private Engine(ClusterWorld world, Journal journal, ActivePolicy policy, Settings settings, Clock clock) {
        this.world = world;
        this.journal = journal;
        this.governance = new Governance(policy, journal::record, journal::claimExecution, clock);
        this.runtime = new AgentRuntime(governance, journal::record,
                agent -> tools.computeIfAbsent(agent, a -> new GatedTools(governance, world.adapterFor(a), journal::record, clock)),
                settings.models(), settings.runbooks(), new OutputGuard());
        this.clusterKill = new ClusterKill(world.adminClient(), KillSettings.defaults().withAgentSelector(settings.agentSelector()),
                accounts -> world.stopAgentCredentials());
        // the local halt already happened when listeners run; the cluster steps must not hold up kill()
        governance.killSwitch().addListener(kill -> clusterKillThread = Thread.ofVirtual().name("cluster-kill")
                .start(() -> revokeInCluster(kill)));
        resumeKillFromJournal();
    }

    /** A kill the journal holds without a later re-arm is still in force after a restart, with its restore copy. */
    private void resumeKillFromJournal() {
        KillSwitch.Killed inForce = null;
        Revocation copy = null;
        String asked = "";
        for (JournalEntry entry : journal.readRun(KillSwitch.RUN_ID)) {
            if (entry.event() instanceof TraceEvent.KillRevocation kept && inForce != null
                    && kept.killId().equals(inForce.killId())) {
                copy = Revocation.fromJson(kept.revocationJson());
                continue;
            }
            if (!(entry.event() instanceof TraceEvent.KillStep step)) continue;
            if (step.step().equals("local-halt") && step.status().equals("requested")) {
                asked = step.detail();
            } else if (step.step().equals("local-halt") && step.status().equals("confirmed")) {
                inForce = new KillSwitch.Killed(step.killId(), entry.at(), entry.agent(), asked);
                copy = null;
            } else if (step.step().equals("rearm")) {
                inForce = null;
                copy = null;
            }
        }
        if (inForce != null) {
            lastRevocation = copy;
            governance.killSwitch().resume(inForce);
        }
    }

    /** The kill's cluster steps, each journaled as it is requested, confirmed or failed; then a signed checkpoint. */
    private void revokeInCluster(KillSwitch.Killed kill) {
        Revocation revocation = clusterKill.revoke(kill.killId(), report -> journal.record(KillSwitch.RUN_ID, kill.by(),
                stepEvent(report)));
        lastRevocation = revocation;
        journal.record(KillSwitch.RUN_ID, kill.by(), new TraceEvent.KillRevocation(kill.killId(), revocation.toJson()));
        journal.checkpoint();
    }

    private static TraceEvent.KillStep stepEvent(KillStepReport report) {
        return new TraceEvent.KillStep(report.killId(), report.step(), report.status().word(),
                report.detail() + " (" + report.took().toMillis() + " ms, attempt " + report.attempt() + ")");
    }

    /** Waits for the cluster side of the last kill to finish; false if it is still running. */
    public boolean awaitClusterKill(java.time.Duration timeout) throws InterruptedException {
        Thread running = clusterKillThread;
        return running == null || running.join(timeout);
    }

    /** What re-arming would restore, for the person to read before confirming. */
    public Optional<RestorePlan> restorePlan() {
        return Optional.ofNullable(lastRevocation).map(clusterKill::plan);
    }

    /**
     * Re-arms after a kill: restores the agents' accounts, bindings, network and replicas from the
     * kill's copy (each step journaled), gives the agents fresh credentials, then re-arms the gate.
     */
    public void rearm(String person, String reason) throws InterruptedException {
        if (person == null || person.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("re-arming needs the name of the person doing it and a reason");
        }
        if (!awaitClusterKill(java.time.Duration.ofSeconds(30))) {
            throw new IllegalStateException("the kill's cluster steps are still running; re-arm when they have finished");
        }
        Revocation revocation = lastRevocation;
        if (revocation != null) {
            clusterKill.restore(revocation, report -> journal.record(KillSwitch.RUN_ID, person, stepEvent(report)));
            lastRevocation = null;
        }
        world.armAgents(agents());
        tools.clear();
        governance.killSwitch().rearm(person, reason);
    }

    /**
     * Runs on {@code world} (which the engine then owns and closes): opens the journal, prunes
     * trace events past their retention, loads the policy, and arms the agents the runbooks name,
     * unless the journal says a kill is still in force (re-arming arms them then).
     *
     * @throws SetupException when an agent cannot be given its own credentials; nothing is left running
     */
    public static Engine start(ClusterWorld world, Settings settings) {
        Clock clock = Clock.systemUTC();
        Engine engine;
        try {
            Journal journal = Journal.open(settings.journal());
            try {
                journal.pruneTraceEvents();
                engine = new Engine(world, journal, ActivePolicy.load(settings.policy()), settings, clock);
            } catch (RuntimeException e) {
                journal.close();
                throw e;
            }
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
        try {
            if (!engine.governance.killSwitch().isKilled()) engine.world.armAgents(engine.agents());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** The sandbox cluster, a journal at {@code journalFile}, and the given policy (null: built-in). */
    public static Engine sandbox(Path journalFile, Path policyFile, AgentRuntime.ModelChoice models) {
        return sandbox(journalFile, policyFile, models, KillSettings.defaults().agentSelector());
    }

    /** As above, with the label selector that finds agent workloads for the kill switch. */
    public static Engine sandbox(Path journalFile, Path policyFile, AgentRuntime.ModelChoice models, String agentSelector) {
        return start(SandboxWorld.start(Clock.systemUTC()), new Settings(JournalOptions.at(journalFile), policyFile,
                RunbookLoader.builtIn(), models, agentSelector));
    }

    /** The agents this engine runs: those its runbooks name. */
    private List<String> agents() {
        return runtime.runbooks().stream().map(Runbook::agent).distinct().toList();
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

    /** Slack as the status bar words it: connected, disconnected, posting only, or not configured. */
    public String slackState() {
        SlackBridge bridge = slack;
        if (bridge == null) return "not configured";
        if (!bridge.interactive()) return "posting only (no app token)";
        return bridge.connected() ? "connected" : "disconnected";
    }

    /** Starts the watches; each incident they report starts its runbook (duplicates are dropped). */
    public void startWatching() {
        watcher = IncidentWatcher.start(world.adminClient(), world.watchedNamespaces(), world.ignoredNamespaces(), this::onIncident);
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

    public ClusterWorld world() {
        return world;
    }

    /**
     * The sandbox's API server, for tests and the red team.
     *
     * @throws IllegalStateException when this engine runs on a real cluster
     */
    public SandboxCluster sandboxCluster() {
        if (world instanceof SandboxWorld sandbox) return sandbox.cluster();
        throw new IllegalStateException("this engine runs on the cluster of context '" + world.contextName() + "', not the sandbox");
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        runtime.close();
        try {
            awaitClusterKill(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clusterKill.close();
        if (slack != null) slack.close();
        journal.close();
        world.close();
    }
}
