package dev.ringside.cluster.kill;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Everything one kill took away, kept so re-arming can give it back: the bindings and
 * ServiceAccounts as the API server returned them (full JSON, fabric8 serialization), the replica
 * count of every workload it scaled to zero, the pods it deleted, and the deny-all policies it
 * created. It holds only what this kill itself changed: a kill that found nothing left to do
 * returns an {@link #isEmpty() empty} revocation, so two kills never both own the same copy.
 * Serialises to and from JSON ({@link #toJson}, {@link #fromJson}) for the journal.
 */
public record Revocation(String killId, String agentSelector, List<SavedObject> bindings, List<SavedObject> serviceAccounts,
                         List<ScaledWorkload> workloads, List<DeletedPod> deletedPods, List<ObjectName> denyPolicies) {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public Revocation {
        bindings = List.copyOf(bindings);
        serviceAccounts = List.copyOf(serviceAccounts);
        workloads = List.copyOf(workloads);
        deletedPods = List.copyOf(deletedPods);
        denyPolicies = List.copyOf(denyPolicies);
    }

    /** A deleted object and its full JSON as last read; {@code namespace} is null for cluster-scoped kinds. */
    public record SavedObject(String kind, String namespace, String name, String json) {
        public String spoken() {
            return kind + " " + (namespace == null ? name : namespace + "/" + name);
        }
    }

    /** A Deployment or StatefulSet scaled to zero, and the replicas it had. */
    public record ScaledWorkload(String kind, String namespace, String name, int replicas) {
        public String spoken() {
            return kind + " " + namespace + "/" + name;
        }
    }

    /** A pod deleted with grace period 0; {@code controller} is its owner's kind, or null for a bare pod. */
    public record DeletedPod(String namespace, String name, String controller) {
    }

    /** A namespaced object by name. */
    public record ObjectName(String namespace, String name) {
    }

    @JsonIgnore
    public boolean isEmpty() {
        return bindings.isEmpty() && serviceAccounts.isEmpty() && workloads.isEmpty() && deletedPods.isEmpty()
                && denyPolicies.isEmpty();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the revocation of kill " + killId + " as JSON", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a revocation written by {@link #toJson}
     */
    public static Revocation fromJson(String json) {
        try {
            return JSON.readValue(json, Revocation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a kill revocation: " + e.getOriginalMessage(), e);
        }
    }
}
