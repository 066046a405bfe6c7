package dev.ringside.cluster.kill;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agents as the cluster shows them now: the workloads the selector picks (Deployments and
 * StatefulSets, third-party ones included), and the agent ServiceAccounts: those labelled with the
 * selector and those the picked workloads' (or labelled pods') templates run as. A workload on its
 * namespace's {@code default} ServiceAccount adds no account: revoking {@code default} would hit
 * every other workload there, so such an agent is stopped by scaling and fencing alone.
 */
record AgentInventory(Selector selector, List<AgentWorkload> workloads, Set<AgentAccount> accounts, List<Pod> labelledPods) {

    /** Lists workloads, pods and ServiceAccounts matching the selector, the four lists at once. */
    static AgentInventory find(KubernetesClient client, Selector selector) throws StepNotConfirmed, InterruptedException {
        List<Deployment> deployments = new CopyOnWriteArrayList<>();
        List<StatefulSet> statefulSets = new CopyOnWriteArrayList<>();
        List<Pod> pods = new CopyOnWriteArrayList<>();
        List<ServiceAccount> labelled = new CopyOnWriteArrayList<>();
        LabelSelector query = selector.labelSelector();
        Calls.all(List.of(
                new Calls.Call("list agent Deployments", () -> deployments.addAll(
                        client.apps().deployments().inAnyNamespace().withLabelSelector(query).list().getItems())),
                new Calls.Call("list agent StatefulSets", () -> statefulSets.addAll(
                        client.apps().statefulSets().inAnyNamespace().withLabelSelector(query).list().getItems())),
                new Calls.Call("list agent Pods", () -> pods.addAll(
                        client.pods().inAnyNamespace().withLabelSelector(query).list().getItems())),
                new Calls.Call("list agent ServiceAccounts", () -> labelled.addAll(
                        client.serviceAccounts().inAnyNamespace().withLabelSelector(query).list().getItems()))));
        // The server filtered already; matching again keeps a server that ignores part of a selector from widening the kill.
        List<AgentWorkload> workloads = new ArrayList<>();
        deployments.stream().filter(d -> selector.matches(d.getMetadata().getLabels())).map(AgentWorkload::of).forEach(workloads::add);
        statefulSets.stream().filter(s -> selector.matches(s.getMetadata().getLabels())).map(AgentWorkload::of).forEach(workloads::add);
        workloads.sort(Comparator.comparing(AgentWorkload::spoken));
        List<Pod> agentPods = pods.stream().filter(p -> selector.matches(p.getMetadata().getLabels())).toList();
        Set<AgentAccount> accounts = new LinkedHashSet<>();
        labelled.stream().filter(sa -> selector.matches(sa.getMetadata().getLabels()))
                .forEach(sa -> accounts.add(new AgentAccount(sa.getMetadata().getNamespace(), sa.getMetadata().getName())));
        for (AgentWorkload w : workloads) {
            if (w.serviceAccount() != null) accounts.add(new AgentAccount(w.namespace(), w.serviceAccount()));
        }
        for (Pod p : agentPods) {
            String sa = p.getSpec() == null ? null : p.getSpec().getServiceAccountName();
            if (sa != null && !sa.isBlank() && !sa.equals("default")) accounts.add(new AgentAccount(p.getMetadata().getNamespace(), sa));
        }
        return new AgentInventory(selector, List.copyOf(workloads), Set.copyOf(accounts), agentPods);
    }

    /** Namespaces where agents run (their workloads or labelled pods), sorted. */
    Set<String> namespaces() {
        Set<String> namespaces = new TreeSet<>();
        workloads.forEach(w -> namespaces.add(w.namespace()));
        labelledPods.forEach(p -> namespaces.add(p.getMetadata().getNamespace()));
        return namespaces;
    }

    /** True for a pod of an agent: labelled with the selector, or picked by an agent workload's pod selector. */
    boolean isAgentPod(Pod pod) {
        if (selector.matches(pod.getMetadata().getLabels())) return true;
        String ns = pod.getMetadata().getNamespace();
        // A workload without a pod selector owns no pod we could tell apart from its neighbours'.
        return workloads.stream().anyMatch(w -> w.namespace().equals(ns) && !w.pods().isEmpty()
                && w.pods().matches(pod.getMetadata().getLabels()));
    }
}
