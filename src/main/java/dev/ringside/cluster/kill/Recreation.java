package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.Revocation.SavedObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Restore steps for bindings and ServiceAccounts: create each saved copy again (without the
 * server-owned fields of the old object) and read it back. One that is already there (someone
 * recreated it, or the kill never took it) is left as it is.
 */
final class Recreation {
    private final KubernetesClient client;
    private final String what;
    private final List<SavedObject> saved;

    Recreation(KubernetesClient client, String what, List<SavedObject> saved) {
        this.client = client;
        this.what = what;
        this.saved = saved;
    }

    String attempt() throws Exception {
        if (saved.isEmpty()) return "nothing to restore: the kill deleted no " + what;
        Calls.all(saved.stream().map(copy -> new Calls.Call("recreate " + copy.spoken(), () -> create(copy))).toList());
        List<String> missing = saved.stream().filter(copy -> client.resource(fresh(copy)).get() == null)
                .map(SavedObject::spoken).toList();
        if (!missing.isEmpty()) throw new StepNotConfirmed("not there after recreating: " + String.join(", ", missing));
        return "recreated " + saved.size() + " " + what + " (" + saved.stream().map(SavedObject::spoken)
                .collect(Collectors.joining(", ")) + "); read back: all present";
    }

    private void create(SavedObject copy) {
        try {
            client.resource(fresh(copy)).create();
        } catch (KubernetesClientException e) {
            if (!Failures.alreadyExists(e)) throw e;
        }
    }

    /** The saved object as a new one: no identity, version or timestamps of the deleted object. */
    private HasMetadata fresh(SavedObject copy) {
        HasMetadata object = client.getKubernetesSerialization().unmarshal(copy.json());
        ObjectMeta meta = object.getMetadata();
        meta.setResourceVersion(null);
        meta.setUid(null);
        meta.setCreationTimestamp(null);
        meta.setDeletionTimestamp(null);
        meta.setDeletionGracePeriodSeconds(null);
        meta.setGeneration(null);
        meta.setManagedFields(null);
        meta.setSelfLink(null);
        // Token Secrets listed on an old ServiceAccount went with it; a new one gets its own.
        if (object instanceof ServiceAccount sa) sa.setSecrets(null);
        return object;
    }
}
