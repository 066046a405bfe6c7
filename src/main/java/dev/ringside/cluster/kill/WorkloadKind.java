package dev.ringside.cluster.kill;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** The workload kinds a kill scales to zero, and how to read and set their replicas. */
enum WorkloadKind {
    DEPLOYMENT("Deployment"), STATEFUL_SET("StatefulSet");

    private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

    private final String kind;

    WorkloadKind(String kind) {
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    static WorkloadKind named(String kind) {
        for (WorkloadKind k : values()) if (k.kind.equals(kind)) return k;
        throw new IllegalArgumentException("not a workload kind a kill scales: " + kind + " (Deployment or StatefulSet)");
    }

    void scale(KubernetesClient client, String namespace, String name, int replicas) {
        String patch = "{\"spec\":{\"replicas\":" + replicas + "}}";
        switch (this) {
            case DEPLOYMENT -> client.apps().deployments().inNamespace(namespace).withName(name).patch(MERGE, patch);
            case STATEFUL_SET -> client.apps().statefulSets().inNamespace(namespace).withName(name).patch(MERGE, patch);
        }
    }

    /** The workload as it is now, or null when it no longer exists. */
    AgentWorkload read(KubernetesClient client, String namespace, String name) {
        return switch (this) {
            case DEPLOYMENT -> {
                var d = client.apps().deployments().inNamespace(namespace).withName(name).get();
                yield d == null ? null : AgentWorkload.of(d);
            }
            case STATEFUL_SET -> {
                var s = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
                yield s == null ? null : AgentWorkload.of(s);
            }
        };
    }
}
