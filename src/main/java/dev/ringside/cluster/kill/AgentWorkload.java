package dev.ringside.cluster.kill;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * A Deployment or StatefulSet the agent selector picked: how many replicas it asks for, which pods
 * are its own, and the ServiceAccount those pods run as (null: the namespace's default one).
 */
record AgentWorkload(WorkloadKind kind, String namespace, String name, int replicas, Selector pods, String serviceAccount) {

    static AgentWorkload of(Deployment d) {
        return new AgentWorkload(WorkloadKind.DEPLOYMENT, d.getMetadata().getNamespace(), d.getMetadata().getName(),
                replicas(d.getSpec().getReplicas()), Selector.of(d.getSpec().getSelector()), account(d.getSpec().getTemplate()));
    }

    static AgentWorkload of(StatefulSet s) {
        return new AgentWorkload(WorkloadKind.STATEFUL_SET, s.getMetadata().getNamespace(), s.getMetadata().getName(),
                replicas(s.getSpec().getReplicas()), Selector.of(s.getSpec().getSelector()), account(s.getSpec().getTemplate()));
    }

    String spoken() {
        return kind.kind() + " " + namespace + "/" + name;
    }

    /** An unset replica count means 1, as in Kubernetes. */
    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static String account(PodTemplateSpec template) {
        PodSpec spec = template == null ? null : template.getSpec();
        if (spec == null) return null;
        String name = spec.getServiceAccountName() != null ? spec.getServiceAccountName() : spec.getServiceAccount();
        return name == null || name.isBlank() || name.equals("default") ? null : name;
    }
}
