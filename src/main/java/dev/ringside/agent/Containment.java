package dev.ringside.agent;

import dev.ringside.gate.ProposedCall;
import dev.ringside.gate.ProposedCall.Escalation;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic escalations that do not depend on detecting an attack: a write aimed outside the
 * incident's objects needs a person whatever its ring, and so does every write after untrusted
 * content in the run was flagged. The gate applies them to writes only and journals why.
 */
final class Containment {

    private Containment() {
    }

    static List<Escalation> escalations(ProposedCall call, Incident incident, RunState run) {
        List<Escalation> out = new ArrayList<>();
        String outside = outsideScope(call, incident);
        if (outside != null) out.add(new Escalation("out-of-scope", outside));
        if (run.tainted()) {
            out.add(new Escalation("flagged-content", "untrusted content in this run was flagged as a possible "
                    + "injection (" + run.firstFlag() + "), so every later write needs a person"));
        }
        return out;
    }

    /** Why the call's target lies outside the incident, or null when it is inside. */
    private static String outsideScope(ProposedCall call, Incident incident) {
        String namespace = call.namespace();
        String name = call.text("name");
        if (call.tool().equals("cordon_node") || call.tool().equals("delete_namespace")) {
            return call.tool() + " reaches beyond the incident's namespace " + incident.namespace();
        }
        if (namespace == null || !namespace.equals(incident.namespace())) {
            return "target namespace " + namespace + " is not the incident's namespace " + incident.namespace();
        }
        boolean sweep = incident.kind().equals("compliance");
        if (sweep || name == null) return null;
        boolean incidentObject = name.equals(incident.objectName()) || name.startsWith(incident.objectName() + "-");
        return incidentObject ? null : "target " + namespace + "/" + name + " is not part of the incident's object "
                + incident.objectName();
    }
}
