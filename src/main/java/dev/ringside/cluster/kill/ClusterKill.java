package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.Revocation.DeletedPod;
import dev.ringside.cluster.kill.Revocation.SavedObject;
import dev.ringside.cluster.kill.Revocation.ScaledWorkload;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The cluster side of the kill switch: after the local halt, takes the agents' power away in the
 * cluster itself, in this order: {@value #BINDINGS} (their RoleBindings and ClusterRoleBindings),
 * {@value #CREDENTIALS} (token renewal stopped, ServiceAccounts deleted), {@value #WORKLOADS}
 * (Deployments and StatefulSets to 0, remaining pods deleted with grace period 0) and
 * {@value #NETWORK} (a deny-all NetworkPolicy for agent pods where they run).
 *
 * <p>Each step is read back before it is confirmed, bounded per attempt, retried with backoff, and
 * reported on its own; a failed step is reported failed and the next step still runs. Kills and
 * restores through one {@code ClusterKill} run one at a time, so a second kill pressed meanwhile
 * finds nothing left and confirms "nothing to revoke" with an empty {@link Revocation}; saved
 * copies are only ever those the kill itself removed.
 *
 * <p>It talks to the API server through its own client built from the admin client's
 * configuration with fabric8's built-in retries off, so every retry is one this class reports.
 */
public final class ClusterKill implements AutoCloseable {
    public static final String BINDINGS = "revoke-bindings";
    public static final String CREDENTIALS = "invalidate-credentials";
    public static final String WORKLOADS = "scale-to-zero";
    public static final String NETWORK = "deny-network";
    public static final List<String> KILL_STEPS = List.of(BINDINGS, CREDENTIALS, WORKLOADS, NETWORK);

    public static final String RESTORE_ACCOUNTS = "restore-service-accounts";
    public static final String RESTORE_BINDINGS = "restore-bindings";
    public static final String LIFT_FENCE = "lift-network-fence";
    public static final String RESTORE_REPLICAS = "restore-replicas";
    public static final List<String> RESTORE_STEPS = List.of(RESTORE_ACCOUNTS, RESTORE_BINDINGS, LIFT_FENCE, RESTORE_REPLICAS);

    private final KubernetesClient client;
    private final KillSettings settings;
    private final CredentialHook credentials;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    /**
     * @param admin       a client with the engineer's (cluster-admin) rights; not closed by this class
     * @param credentials how the app stops renewing agent tokens, e.g. {@code accounts -> agentClients.stopRenewal()}
     */
    public ClusterKill(KubernetesClient admin, KillSettings settings, CredentialHook credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(admin.getConfiguration())
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout((int) Math.min(Integer.MAX_VALUE, settings.stepTimeout().toMillis()))
                .build()).build();
    }

    public KillSettings settings() {
        return settings;
    }

    /**
     * Runs the four steps in order and returns what they took away. Never throws for a step that
     * fails: the failure is in its report, and the revocation holds what the other steps did.
     */
    public Revocation revoke(String killId, Consumer<KillStepReport> progress) {
        oneAtATime.lock();
        try {
            Selector selector = settings.selector();
            StepRunner steps = new StepRunner(killId, settings, progress);
            BindingRevocation bindings = new BindingRevocation(client, selector);
            steps.run(BINDINGS, "delete RoleBindings and ClusterRoleBindings of agents selected by " + settings.agentSelector(),
                    bindings::attempt);
            CredentialRevocation accounts = new CredentialRevocation(client, selector, credentials);
            steps.run(CREDENTIALS, "stop token renewal and delete the agent ServiceAccounts", accounts::attempt);
            WorkloadRevocation workloads = new WorkloadRevocation(client, selector);
            steps.run(WORKLOADS, "scale agent Deployments and StatefulSets to 0 and delete their pods", workloads::attempt);
            NetworkFence fence = new NetworkFence(client, selector, killId);
            steps.run(NETWORK, "deny all ingress and egress to agent pods", fence::attempt);
            return new Revocation(killId, settings.agentSelector(), bindings.copies.taken(), accounts.copies.taken(),
                    workloads.scaled(), workloads.deletedPods(), fence.created());
        } finally {
            oneAtATime.unlock();
        }
    }

    /** What {@link #restore} will do with this revocation, in its order, as lines a person can read. */
    public RestorePlan plan(Revocation revocation) {
        List<String> actions = new ArrayList<>();
        revocation.serviceAccounts().forEach(sa -> actions.add(sa.spoken() + " → recreate"));
        revocation.bindings().forEach(b -> actions.add(b.spoken() + " → recreate"));
        revocation.denyPolicies().forEach(p -> actions.add("NetworkPolicy " + p.namespace() + "/" + p.name() + " → delete"));
        revocation.workloads().forEach(w -> actions.add(w.spoken() + " → " + w.replicas() + (w.replicas() == 1 ? " replica" : " replicas")));
        List<String> notes = new ArrayList<>();
        if (!revocation.serviceAccounts().isEmpty()) {
            notes.add("recreated ServiceAccounts are new identities: tokens issued before the kill stay invalid; "
                    + "agents need new tokens");
        }
        for (DeletedPod pod : revocation.deletedPods()) {
            if (pod.controller() == null) {
                notes.add("Pod " + pod.namespace() + "/" + pod.name() + " had no controller and is not recreated");
            }
        }
        return new RestorePlan(revocation.killId(), actions, notes);
    }

    /**
     * Gives back what the kill took, each step read back: ServiceAccounts, then bindings, then the
     * deny-all policies removed, then replicas (so pods start with their permissions and network).
     */
    public void restore(Revocation revocation, Consumer<KillStepReport> progress) {
        oneAtATime.lock();
        try {
            StepRunner steps = new StepRunner(revocation.killId(), settings, progress);
            List<SavedObject> accounts = revocation.serviceAccounts();
            steps.run(RESTORE_ACCOUNTS, "recreate " + accounts.size() + " ServiceAccounts",
                    new Recreation(client, "ServiceAccounts", accounts)::attempt);
            steps.run(RESTORE_BINDINGS, "recreate " + revocation.bindings().size() + " bindings",
                    new Recreation(client, "bindings", revocation.bindings())::attempt);
            steps.run(LIFT_FENCE, "remove " + revocation.denyPolicies().size() + " deny-all NetworkPolicies",
                    new FenceRemoval(client, revocation.denyPolicies())::attempt);
            List<ScaledWorkload> workloads = revocation.workloads();
            steps.run(RESTORE_REPLICAS, "scale " + workloads.size() + " workloads back", new ReplicaRestore(client, workloads)::attempt);
        } finally {
            oneAtATime.unlock();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
