package dev.ringside.cluster.kill;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 2: stop the app renewing agent tokens (the hook), then delete the agent ServiceAccounts,
 * keeping a copy of each. A failing hook fails the step, but does not keep the ServiceAccounts from
 * being deleted. On a real cluster deleting a ServiceAccount invalidates every token bound
 * to it at once, and its legacy token Secrets are garbage-collected with it.
 */
final class CredentialRevocation {
    private final KubernetesClient client;
    private final Selector selector;
    private final CredentialHook hook;
    final SavedCopies copies;

    CredentialRevocation(KubernetesClient client, Selector selector, CredentialHook hook) {
        this.client = client;
        this.selector = selector;
        this.hook = hook;
        this.copies = new SavedCopies(client.getKubernetesSerialization());
    }

    String attempt() throws Exception {
        Set<AgentAccount> accounts = AgentInventory.find(client, selector).accounts();
        String hookFailure = null;
        try {
            hook.stop(accounts);
        } catch (RuntimeException e) {
            // Deleting the ServiceAccounts invalidates their tokens anyway, so it goes ahead; the step still fails below.
            hookFailure = Failures.describe(e);
        }
        List<ServiceAccount> found = existing(accounts);
        found.forEach(copies::keep);
        var failed = Calls.tryAll(found.stream().map(sa -> new Calls.Call("delete " + BindingRevocation.spoken(sa),
                () -> client.serviceAccounts().inNamespace(sa.getMetadata().getNamespace()).withName(sa.getMetadata().getName())
                        .delete())).toList());
        List<ServiceAccount> left = existing(accounts);
        copies.stillThere(left.stream().map(SavedCopies::key).collect(Collectors.toSet()));
        if (failed.isPresent()) throw failed.get();
        if (!left.isEmpty()) {
            throw new StepNotConfirmed("ServiceAccounts still there: " + left.stream().map(BindingRevocation::spoken)
                    .collect(Collectors.joining(", ")));
        }
        if (hookFailure != null) {
            throw new StepNotConfirmed("agent ServiceAccounts are deleted, but the app could not stop renewing agent tokens: "
                    + hookFailure);
        }
        if (found.isEmpty()) return "nothing to revoke: no agent ServiceAccount left; token renewal stopped";
        return "token renewal stopped; deleted " + found.size() + " ServiceAccount" + (found.size() == 1 ? "" : "s") + " ("
                + found.stream().map(sa -> sa.getMetadata().getNamespace() + "/" + sa.getMetadata().getName())
                .collect(Collectors.joining(", ")) + "); read back: none left";
    }

    private List<ServiceAccount> existing(Set<AgentAccount> accounts) throws Exception {
        List<ServiceAccount> found = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> namespaces = accounts.stream().map(AgentAccount::namespace).collect(Collectors.toSet());
        Calls.all(namespaces.stream().map(ns -> new Calls.Call("list ServiceAccounts in " + ns,
                () -> client.serviceAccounts().inNamespace(ns).list().getItems().stream()
                        .filter(sa -> accounts.contains(new AgentAccount(ns, sa.getMetadata().getName())))
                        .forEach(found::add))).toList());
        return found.stream().sorted(java.util.Comparator.comparing(SavedCopies::key)).toList();
    }
}
