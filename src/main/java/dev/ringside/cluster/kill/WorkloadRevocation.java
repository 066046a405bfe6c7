package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.Revocation.DeletedPod;
import dev.ringside.cluster.kill.Revocation.ScaledWorkload;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * Step 3: scale every agent Deployment and StatefulSet to zero, remembering its replicas, then
 * delete the agent pods still there with grace period 0. A workload already at zero is left alone
 * and not remembered, so restoring never "restores" a zero another kill wrote.
 */
final class WorkloadRevocation {
    private final KubernetesClient client;
    private final Selector selector;
    private final Map<String, ScaledWorkload> scaled = new ConcurrentSkipListMap<>();
    private final Map<String, DeletedPod> deleted = new ConcurrentSkipListMap<>();
    /** What the latest read-back still found running, by key; null until a read-back succeeded. */
    private volatile java.util.Set<String> stillRunning;

    WorkloadRevocation(KubernetesClient client, Selector selector) {
        this.client = client;
        this.selector = selector;
    }

    String attempt() throws Exception {
        AgentInventory agents = AgentInventory.find(client, selector);
        List<AgentWorkload> running = agents.workloads().stream().filter(w -> w.replicas() > 0).toList();
        running.forEach(w -> scaled.putIfAbsent(key(w.kind().kind(), w.namespace(), w.name()),
                new ScaledWorkload(w.kind().kind(), w.namespace(), w.name(), w.replicas())));
        var scaleFailed = Calls.tryAll(running.stream().map(w -> new Calls.Call("scale " + w.spoken() + " to 0",
                () -> w.kind().scale(client, w.namespace(), w.name(), 0))).toList());
        List<Pod> pods = agentPods(agents);
        pods.forEach(p -> deleted.putIfAbsent(key(p),
                new DeletedPod(p.getMetadata().getNamespace(), p.getMetadata().getName(), controller(p))));
        var deleteFailed = Calls.tryAll(pods.stream().map(p -> new Calls.Call("delete Pod " + p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(),
                () -> client.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName())
                        .withGracePeriod(0).delete())).toList());

        AgentInventory after = AgentInventory.find(client, selector);
        List<AgentWorkload> notZero = after.workloads().stream().filter(w -> w.replicas() > 0).toList();
        List<Pod> podsLeft = agentPods(after);
        stillRunning = java.util.stream.Stream.concat(notZero.stream().map(w -> key(w.kind().kind(), w.namespace(), w.name())),
                podsLeft.stream().map(WorkloadRevocation::key)).collect(Collectors.toSet());
        List<String> left = new ArrayList<>();
        notZero.forEach(w -> left.add(w.spoken() + " at " + w.replicas()));
        podsLeft.forEach(p -> left.add("Pod " + key(p)));
        if (scaleFailed.isPresent()) throw scaleFailed.get();
        if (deleteFailed.isPresent()) throw deleteFailed.get();
        if (!left.isEmpty()) throw new StepNotConfirmed("agents still running: " + String.join(", ", left));
        if (running.isEmpty() && pods.isEmpty()) {
            return "nothing to revoke: " + after.workloads().size() + " agent workloads already at 0 replicas, no agent pods";
        }
        return "scaled " + running.size() + " workload" + (running.size() == 1 ? "" : "s") + " to 0 ("
                + running.stream().map(w -> w.spoken() + " from " + w.replicas()).collect(Collectors.joining(", "))
                + "), deleted " + pods.size() + " pod" + (pods.size() == 1 ? "" : "s") + " with grace period 0; read back: "
                + after.workloads().size() + " agent workloads at 0, no agent pods";
    }

    /** The workloads this kill scaled (those a read-back still found running are not claimed). */
    List<ScaledWorkload> scaled() {
        java.util.Set<String> running = stillRunning;
        return scaled.entrySet().stream().filter(e -> running == null || !running.contains(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    /** The pods this kill deleted (those a read-back still found are not claimed). */
    List<DeletedPod> deletedPods() {
        java.util.Set<String> running = stillRunning;
        return deleted.entrySet().stream().filter(e -> running == null || !running.contains(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    private List<Pod> agentPods(AgentInventory agents) throws Exception {
        List<Pod> pods = Collections.synchronizedList(new ArrayList<>());
        Calls.all(agents.namespaces().stream().map(ns -> new Calls.Call("list Pods in " + ns,
                () -> client.pods().inNamespace(ns).list().getItems().stream().filter(agents::isAgentPod).forEach(pods::add)))
                .toList());
        return pods.stream().sorted(java.util.Comparator.comparing(WorkloadRevocation::key)).toList();
    }

    private static String controller(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        if (owners == null) return null;
        return owners.stream().filter(o -> Boolean.TRUE.equals(o.getController())).map(OwnerReference::getKind).findFirst().orElse(null);
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
