package dev.ringside.cluster.kill;

import dev.ringside.cluster.kill.Revocation.SavedObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Copies of the objects a step set out to delete. A copy is taken before the delete is sent, so an
 * answer lost on the way (a timeout, an interrupted attempt) never loses it; copies of objects the
 * last read-back still found are dropped, as the kill did not take them. If no read-back succeeded,
 * every copy is kept: restoring an object that is still there only reports it present.
 */
final class SavedCopies {
    private final KubernetesSerialization serialization;
    private final Map<String, SavedObject> taken = new ConcurrentSkipListMap<>();
    private volatile Set<String> stillThere;

    SavedCopies(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /** Keeps a copy unless one is already kept (the first copy is the one from before the kill touched it). */
    void keep(HasMetadata object) {
        taken.computeIfAbsent(key(object), k -> new SavedObject(object.getKind(), object.getMetadata().getNamespace(),
                object.getMetadata().getName(), serialization.asJson(object)));
    }

    /** What the latest read-back still found, by {@link #key}. */
    void stillThere(Set<String> keys) {
        stillThere = Set.copyOf(keys);
    }

    List<SavedObject> taken() {
        Set<String> there = stillThere;
        List<SavedObject> copies = new ArrayList<>();
        taken.forEach((key, copy) -> {
            if (there == null || !there.contains(key)) copies.add(copy);
        });
        return copies;
    }

    static String key(HasMetadata object) {
        return object.getKind() + "/" + (object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace())
                + "/" + object.getMetadata().getName();
    }
}
