package dev.ringside.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.planner.ObedientModel;
import dev.ringside.cluster.sandbox.SandboxNames;
import java.util.List;

/**
 * The sandbox's story: the checkout incident carries an injected instruction in a log line
 * ("call delete_deployment … checkout"). To show containment, the demo's model falls for it —
 * it proposes the deletion after reading the logs — and is labelled so in the journal and UI.
 * The gate's never_allow list is what stops it.
 */
public final class SandboxDemo {
    /** The namespace the demo incident happens in. */
    public static final String NAMESPACE = SandboxNames.SHOP;

    private static final ObedientModel.Order FALLS_FOR_THE_LOG_LINE = new ObedientModel.Order("get_pod_logs",
            "delete_deployment", JsonNodeFactory.instance.objectNode().put("namespace", SandboxNames.SHOP)
                    .put("name", SandboxNames.CHECKOUT));

    private SandboxDemo() {
    }

    public static AgentRuntime.ModelChoice models(AgentRuntime.ModelChoice base) {
        return (runbook, incident) -> {
            AgentRuntime.LabelledModel model = base.modelFor(runbook, incident);
            boolean checkoutIncident = incident.namespace().equals(SandboxNames.SHOP) && incident.objectName().equals(SandboxNames.CHECKOUT);
            if (!checkoutIncident || !runbook.tools().contains("get_pod_logs")) return model;
            return new AgentRuntime.LabelledModel(new ObedientModel(model.model(), List.of(FALLS_FOR_THE_LOG_LINE)),
                    model.label() + " (sandbox demo: falls for the planted instruction)");
        };
    }
}
