package dev.ringside.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.gate.Preview;
import dev.ringside.gate.Preview.FieldChange;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * A write worked out against the target as it is now, before anything changes. The preview shown
 * to people and the effect that runs come from the same plan, so the change made is the change shown.
 */
record PlannedWrite(ObjectRef target, String resourceVersion, List<String> affected, List<FieldChange> changes, Effect effect) {

    PlannedWrite {
        affected = List.copyOf(affected);
        changes = List.copyOf(changes);
    }

    /** What the write does to the target. */
    sealed interface Effect {
        void apply(KubernetesClient client);
    }

    /** Replace the object with this version; its resourceVersion makes the server refuse if it moved meanwhile. */
    record Replace(HasMetadata after) implements Effect {
        @Override
        public void apply(KubernetesClient client) {
            client.resource(after).update();
        }
    }

    record Delete(HasMetadata before) implements Effect {
        @Override
        public void apply(KubernetesClient client) {
            client.resource(before).delete();
        }
    }

    Preview preview() {
        return new Preview(resourceVersion, new Preview.BlastRadius(affected, changes));
    }

    JsonNode result() {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("ok", true).put("object", target.toString());
        ArrayNode array = out.putArray("changes");
        changes.forEach(c -> array.addObject().put("field", c.field()).put("before", c.before()).put("after", c.after()));
        return out;
    }
}
