package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.Revocation.ObjectName;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.Collectors;

/** Restore step: delete the deny-all NetworkPolicies the kill created, and read back that they are gone. */
final class FenceRemoval {
    private final KubernetesClient client;
    private final List<ObjectName> policies;

    FenceRemoval(KubernetesClient client, List<ObjectName> policies) {
        this.client = client;
        this.policies = policies;
    }

    String attempt() throws Exception {
        if (policies.isEmpty()) return "nothing to restore: the kill created no deny-all policy";
        Calls.all(policies.stream().map(p -> new Calls.Call("delete NetworkPolicy " + p.namespace() + "/" + p.name(),
                () -> client.network().v1().networkPolicies().inNamespace(p.namespace()).withName(p.name()).delete())).toList());
        List<String> left = policies.stream()
                .filter(p -> client.network().v1().networkPolicies().inNamespace(p.namespace()).withName(p.name()).get() != null)
                .map(p -> p.namespace() + "/" + p.name()).toList();
        if (!left.isEmpty()) throw new StepNotConfirmed("deny-all NetworkPolicy still there: " + String.join(", ", left));
        return "removed " + policies.size() + " deny-all NetworkPolic" + (policies.size() == 1 ? "y" : "ies") + " ("
                + policies.stream().map(p -> p.namespace() + "/" + p.name()).collect(Collectors.joining(", ")) + "); read back: gone";
    }
}
