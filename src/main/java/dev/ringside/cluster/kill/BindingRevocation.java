package dev.ringside.cluster.kill;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 1: delete every RoleBinding and ClusterRoleBinding that grants an agent ServiceAccount
 * anything, or that carries the agent label itself (so a binding whose ServiceAccount is already
 * gone is still found by a later kill), keeping a copy of each.
 */
final class BindingRevocation {
    private final KubernetesClient client;
    private final Selector selector;
    final SavedCopies copies;

    BindingRevocation(KubernetesClient client, Selector selector) {
        this.client = client;
        this.selector = selector;
        this.copies = new SavedCopies(client.getKubernetesSerialization());
    }

    String attempt() throws Exception {
        Set<AgentAccount> accounts = AgentInventory.find(client, selector).accounts();
        List<HasMetadata> found = agentBindings(accounts);
        found.forEach(copies::keep);
        var failed = Calls.tryAll(found.stream().map(b -> new Calls.Call("delete " + spoken(b), () -> delete(b))).toList());
        List<HasMetadata> left = agentBindings(accounts);
        copies.stillThere(left.stream().map(SavedCopies::key).collect(Collectors.toSet()));
        if (failed.isPresent()) throw failed.get();
        if (!left.isEmpty()) {
            throw new StepNotConfirmed("still granting agents: " + left.stream().map(BindingRevocation::spoken).collect(Collectors.joining(", ")));
        }
        if (found.isEmpty()) return "nothing to revoke: no binding grants an agent ServiceAccount anything";
        return "deleted " + found.size() + (found.size() == 1 ? " binding" : " bindings") + " (" + found.stream()
                .map(BindingRevocation::spoken).collect(Collectors.joining(", ")) + "); read back: none left for "
                + accounts.size() + " agent ServiceAccounts";
    }

    private List<HasMetadata> agentBindings(Set<AgentAccount> accounts) throws StepNotConfirmed, InterruptedException {
        List<HasMetadata> bindings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Calls.all(List.of(
                new Calls.Call("list RoleBindings", () -> client.rbac().roleBindings().inAnyNamespace().list().getItems().stream()
                        .filter(b -> selector.matches(b.getMetadata().getLabels())
                                || grants(b.getSubjects(), b.getMetadata().getNamespace(), accounts))
                        .forEach(bindings::add)),
                new Calls.Call("list ClusterRoleBindings", () -> client.rbac().clusterRoleBindings().list().getItems().stream()
                        .filter(b -> selector.matches(b.getMetadata().getLabels()) || grants(b.getSubjects(), null, accounts))
                        .forEach(bindings::add))));
        List<HasMetadata> sorted = new ArrayList<>(bindings);
        sorted.sort(java.util.Comparator.comparing(SavedCopies::key));
        return sorted;
    }

    /** A RoleBinding's ServiceAccount subject without a namespace means the binding's own namespace. */
    private static boolean grants(List<Subject> subjects, String bindingNamespace, Set<AgentAccount> accounts) {
        if (subjects == null) return false;
        return subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
                && accounts.contains(new AgentAccount(s.getNamespace() != null ? s.getNamespace() : bindingNamespace, s.getName())));
    }

    private void delete(HasMetadata binding) {
        String ns = binding.getMetadata().getNamespace();
        String name = binding.getMetadata().getName();
        // A binding already gone (another kill took it) answers 404, which fabric8 reports as nothing deleted: fine.
        if (ns == null) client.rbac().clusterRoleBindings().withName(name).delete();
        else client.rbac().roleBindings().inNamespace(ns).withName(name).delete();
    }

    static String spoken(HasMetadata o) {
        return o.getKind() + " " + (o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace() + "/")
                + o.getMetadata().getName();
    }
}
