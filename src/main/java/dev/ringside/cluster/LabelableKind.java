package dev.ringside.cluster;

import dev.ringside.gate.ToolFailure;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds {@code add_labels} and {@code patch_resource} may touch (the policy schema's enum). */
enum LabelableKind {
    POD("Pod", Pod.class, true),
    DEPLOYMENT("Deployment", Deployment.class, true),
    STATEFUL_SET("StatefulSet", StatefulSet.class, true),
    DAEMON_SET("DaemonSet", DaemonSet.class, true),
    SERVICE("Service", Service.class, true),
    CONFIG_MAP("ConfigMap", ConfigMap.class, true),
    NAMESPACE("Namespace", Namespace.class, false);

    private final String kind;
    private final Class<? extends HasMetadata> type;
    private final boolean namespaced;

    LabelableKind(String kind, Class<? extends HasMetadata> type, boolean namespaced) {
        this.kind = kind;
        this.type = type;
        this.namespaced = namespaced;
    }

    static LabelableKind of(String tool, String kind) throws ToolFailure {
        for (LabelableKind candidate : values()) {
            if (candidate.kind.equals(kind)) return candidate;
        }
        throw new ToolFailure(tool + ": kind '" + kind + "' is not supported; supported kinds: "
                + Arrays.stream(values()).map(k -> k.kind).collect(Collectors.joining(", ")));
    }

    /** For a Namespace the name is the target itself; the call's namespace argument names the same thing. */
    ObjectRef ref(String namespace, String name) {
        return namespaced ? new ObjectRef(kind, namespace, name) : ObjectRef.clusterScoped(kind, name);
    }

    HasMetadata get(KubernetesClient client, ObjectRef ref) throws ToolFailure {
        HasMetadata found = namespaced ? client.resources(type).inNamespace(ref.namespace()).withName(ref.name()).get()
                : client.resources(type).withName(ref.name()).get();
        if (found == null) throw new ToolFailure(ref.spoken() + " not found");
        return found;
    }

    Class<? extends HasMetadata> type() {
        return type;
    }
}
