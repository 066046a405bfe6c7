package dev.ringside.app;

import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Incident;
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
    private final ClusterKill clusterKill;
    private IncidentWatcher watcher;
    private SlackBridge slack;
    private volatile Thread clusterKillThread;
    private volatile Revocation lastRevocation;

    private Engine(SandboxWorld world, Journal journal, ActivePolicy policy, AgentRuntime.ModelChoice models, Clock clock,
                   String agentSelector) {
        this.world = world;
        this.journal = journal;
        this.governance = new Governance(policy, journal::record, journal::claimExecution, clock);
        this.runtime = new AgentRuntime(governance, journal::record,
                agent -> tools.computeIfAbsent(agent, a -> new GatedTools(governance, world.adapterFor(a), journal::record, clock)),
                models, RunbookLoader.builtIn(), new OutputGuard());
        this.clusterKill = new ClusterKill(world.cluster().adminClient(), KillSettings.defaults().withAgentSelector(agentSelector),
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
        world.armAgents();
        tools.clear();
        governance.killSwitch().rearm(person, reason);
    }

    /** The sandbox cluster, a journal at {@code journalFile}, and the given policy (null: built-in). */
    public static Engine sandbox(Path journalFile, Path policyFile, AgentRuntime.ModelChoice models) {
        return sandbox(journalFile, policyFile, models, KillSettings.defaults().agentSelector());
    }

    /** As above, with the label selector that finds agent workloads for the kill switch. */
    public static Engine sandbox(Path journalFile, Path policyFile, AgentRuntime.ModelChoice models, String agentSelector) {
        Clock clock = Clock.systemUTC();
        SandboxWorld world = SandboxWorld.start(clock);
        try {
            Journal journal = Journal.open(JournalOptions.at(journalFile));
            return new Engine(world, journal, ActivePolicy.load(policyFile), models, clock, agentSelector);
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
