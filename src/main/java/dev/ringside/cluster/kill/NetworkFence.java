package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.Revocation.ObjectName;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Step 4: deny all ingress and egress to agent pods, in every namespace where agents run, so a pod
 * that comes back (a person scaling up, an autoscaler, a controller we do not know) has no network.
 * A NetworkPolicy has one pod selector, so each namespace gets one policy selecting pods carrying
 * the agent label, and one per agent workload selecting that workload's pods (agent pods need not
 * carry the label themselves). Policies already there are left as they are and not claimed.
 */
final class NetworkFence {
    static final String PREFIX = "ringside-kill-";
    static final String FENCE_LABEL = "ringside.dev/kill-fence";
    static final String KILL_ANNOTATION = "ringside.dev/kill-id";

    private final KubernetesClient client;
    private final Selector selector;
    private final String killId;
    /** Policies that did not exist when this kill first looked; claimed once a read-back shows them. */
    private final Set<ObjectName> absentAtStart = ConcurrentHashMap.newKeySet();
    private final Set<ObjectName> seenBefore = ConcurrentHashMap.newKeySet();
    private volatile Set<ObjectName> present;

    NetworkFence(KubernetesClient client, Selector selector, String killId) {
        this.client = client;
        this.selector = selector;
        this.killId = killId;
    }

    String attempt() throws Exception {
        AgentInventory agents = AgentInventory.find(client, selector);
        Map<ObjectName, LabelSelector> wanted = wanted(agents);
        Set<ObjectName> existing = existing(wanted.keySet());
        wanted.keySet().forEach(name -> {
            if (existing.contains(name)) {
                if (!absentAtStart.contains(name)) seenBefore.add(name);
            } else if (!seenBefore.contains(name)) {
                absentAtStart.add(name);
            }
        });
        List<ObjectName> missing = wanted.keySet().stream().filter(n -> !existing.contains(n)).toList();
        Calls.all(missing.stream().map(n -> new Calls.Call("create NetworkPolicy " + n.namespace() + "/" + n.name(),
                () -> create(n, wanted.get(n)))).toList());
        Set<ObjectName> now = existing(wanted.keySet());
        present = now;
        List<String> notThere = wanted.keySet().stream().filter(n -> !now.contains(n)).map(n -> n.namespace() + "/" + n.name()).toList();
        if (!notThere.isEmpty()) throw new StepNotConfirmed("deny-all NetworkPolicy missing: " + String.join(", ", notThere));
        if (wanted.isEmpty()) return "nothing to revoke: no namespace runs agents";
        if (missing.isEmpty()) return "nothing to revoke: deny-all already in place in " + String.join(", ", agents.namespaces());
        return "deny-all ingress and egress for agent pods in " + String.join(", ", agents.namespaces()) + " (" + missing.size()
                + " NetworkPolicies created: " + missing.stream().map(n -> n.namespace() + "/" + n.name())
                .collect(Collectors.joining(", ")) + "); read back: all " + wanted.size() + " in place";
    }

    /** The policies this kill created (those no read-back found are not claimed, unless no read-back succeeded). */
    List<ObjectName> created() {
        Set<ObjectName> now = present;
        return absentAtStart.stream().filter(n -> now == null || now.contains(n))
                .sorted(java.util.Comparator.comparing((ObjectName n) -> n.namespace()).thenComparing(ObjectName::name)).toList();
    }

    private Map<ObjectName, LabelSelector> wanted(AgentInventory agents) {
        Map<ObjectName, LabelSelector> wanted = new LinkedHashMap<>();
        for (String ns : agents.namespaces()) wanted.put(new ObjectName(ns, PREFIX + "agents"), selector.labelSelector());
        for (AgentWorkload w : agents.workloads()) {
            // An empty pod selector would fence the whole namespace; such a workload owns no pods we can tell apart.
            if (w.pods().isEmpty()) continue;
            wanted.put(new ObjectName(w.namespace(), policyName(w)), w.pods().labelSelector());
        }
        return wanted;
    }

    static String policyName(AgentWorkload w) {
        String name = PREFIX + w.kind().kind().toLowerCase(Locale.ROOT) + "-" + w.name();
        return name.length() <= 253 ? name : name.substring(0, 253).replaceAll("[-.]+$", "");
    }

    private Set<ObjectName> existing(Set<ObjectName> names) throws Exception {
        Set<ObjectName> found = Collections.synchronizedSet(new java.util.HashSet<>());
        Set<String> namespaces = names.stream().map(ObjectName::namespace).collect(Collectors.toSet());
        Calls.all(namespaces.stream().map(ns -> new Calls.Call("list NetworkPolicies in " + ns,
                () -> client.network().v1().networkPolicies().inNamespace(ns).list().getItems().stream()
                        .filter(NetworkFence::deniesAll)
                        .map(p -> new ObjectName(ns, p.getMetadata().getName())).filter(names::contains).forEach(found::add)))
                .toList());
        return found;
    }

    /** Read back as what it must be: both directions listed and no rule allowing anything. */
    static boolean deniesAll(NetworkPolicy policy) {
        var spec = policy.getSpec();
        return spec != null && spec.getPolicyTypes() != null && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && (spec.getIngress() == null || spec.getIngress().isEmpty())
                && (spec.getEgress() == null || spec.getEgress().isEmpty());
    }

    private void create(ObjectName name, LabelSelector pods) {
        NetworkPolicy policy = new NetworkPolicyBuilder().withNewMetadata().withNamespace(name.namespace()).withName(name.name())
                .addToLabels(FENCE_LABEL, "true").addToAnnotations(KILL_ANNOTATION, killId).endMetadata()
                .withNewSpec().withPodSelector(pods).withPolicyTypes("Ingress", "Egress")
                .withIngress(new ArrayList<>()).withEgress(new ArrayList<>()).endSpec().build();
        try {
            client.network().v1().networkPolicies().inNamespace(name.namespace()).resource(policy).create();
        } catch (KubernetesClientException e) {
            if (!Failures.alreadyExists(e)) throw e;
        }
    }
}
