package dev.ringside.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.journal.CanonicalJson;

/**
 * SHA-256 over exactly what would run: agent, tool, canonical arguments and, when known, the
 * target's resourceVersion. An approval is bound to this digest; any change makes a new one.
 */
public final class CallDigest {

    private CallDigest() {
    }

    public static String of(ProposedCall call) {
        return of(call.agent(), call.tool(), call.args(), call.targetResourceVersion());
    }

    public static String of(String agent, String tool, JsonNode args, String resourceVersion) {
        ObjectNode bound = JsonNodeFactory.instance.objectNode();
        bound.put("agent", agent);
        bound.put("tool", tool);
        bound.set("args", args);
        if (resourceVersion != null) bound.put("resourceVersion", resourceVersion);
        return CanonicalJson.sha256Hex(bound);
    }
}
