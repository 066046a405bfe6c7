package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.Revocation.ScaledWorkload;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Restore step: scale each workload the kill stopped back to the replicas it had, and read them back. */
final class ReplicaRestore {
    private final KubernetesClient client;
    private final List<ScaledWorkload> workloads;

    ReplicaRestore(KubernetesClient client, List<ScaledWorkload> workloads) {
        this.client = client;
        this.workloads = workloads;
    }

    String attempt() throws Exception {
        if (workloads.isEmpty()) return "nothing to restore: the kill scaled no workload";
        Calls.all(workloads.stream().map(w -> new Calls.Call("scale " + w.spoken() + " to " + w.replicas(),
                () -> WorkloadKind.named(w.kind()).scale(client, w.namespace(), w.name(), w.replicas()))).toList());
        List<String> wrong = new ArrayList<>();
        for (ScaledWorkload w : workloads) {
            AgentWorkload now = WorkloadKind.named(w.kind()).read(client, w.namespace(), w.name());
            if (now == null) wrong.add(w.spoken() + " no longer exists");
            else if (now.replicas() != w.replicas()) wrong.add(w.spoken() + " at " + now.replicas() + ", not " + w.replicas());
        }
        if (!wrong.isEmpty()) throw new StepNotConfirmed(String.join("; ", wrong));
        return "scaled back " + workloads.size() + " workload" + (workloads.size() == 1 ? "" : "s") + " ("
                + workloads.stream().map(w -> w.spoken() + " to " + w.replicas()).collect(Collectors.joining(", "))
                + "); read back: all at their replicas";
    }
}
