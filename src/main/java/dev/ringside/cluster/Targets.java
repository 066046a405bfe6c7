package dev.ringside.cluster;

import dev.ringside.gate.ToolFailure;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finding a tool's target and what hangs off it (a Deployment's ReplicaSets and pods). */
final class Targets {
    private Targets() {
    }

    static Deployment deployment(KubernetesClient client, String namespace, String name) throws ToolFailure {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null) throw new ToolFailure(new ObjectRef("Deployment", namespace, name).spoken() + " not found");
        return deployment;
    }

    /** The Deployment's ReplicaSets that carry a revision, oldest revision first. */
    static List<ReplicaSet> revisions(KubernetesClient client, Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return client.apps().replicaSets().inNamespace(deployment.getMetadata().getNamespace()).list().getItems().stream()
                .filter(rs -> ownedBy(rs.getMetadata().getOwnerReferences(), "Deployment", name))
                .filter(rs -> revisionOf(rs) > 0)
                .sorted(Comparator.comparingInt(Targets::revisionOf))
                .toList();
    }

    static int revisionOf(ReplicaSet rs) {
        Map<String, String> annotations = rs.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get("deployment.kubernetes.io/revision");
        if (value == null) return 0;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Pods selected by the Deployment's selector, by name. */
    static List<Pod> pods(KubernetesClient client, Deployment deployment) {
        Map<String, String> match = deployment.getSpec().getSelector() == null ? Map.of()
                : deployment.getSpec().getSelector().getMatchLabels();
        if (match == null || match.isEmpty()) return List.of();
        return client.pods().inNamespace(deployment.getMetadata().getNamespace()).withLabels(match).list().getItems().stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
    }

    private static boolean ownedBy(List<OwnerReference> owners, String kind, String name) {
        return owners != null && owners.stream().anyMatch(o -> kind.equals(o.getKind()) && name.equals(o.getName()));
    }
}
