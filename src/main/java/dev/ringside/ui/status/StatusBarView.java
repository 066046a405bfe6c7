package dev.ringside.ui.status;

import dev.ringside.ui.backend.CockpitStatus;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar along the bottom of the window. */
public final class StatusBarView extends HBox {
    private final Label context = label("status-context");
    private final Label slack = label("status-slack");
    private final Label model = label("status-model");
    private final Label policy = label("status-policy");
    private final Label audit = label("status-audit");

    public StatusBarView(StatusViewModel vm) {
        super(14);
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(context, slack, model, grow, policy, audit);
        vm.statusProperty().addListener((o, a, s) -> render(s));
        if (vm.statusProperty().get() != null) render(vm.statusProperty().get());
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        return l;
    }

    private void render(CockpitStatus s) {
        context.setText("⎈ " + s.clusterContext() + " / " + s.namespace());
        tone(context, StatusViewModel.productionLike(s.clusterContext()) ? "status-alarm" : "status-calm");
        slack.setText("Slack: " + s.slack());
        tone(slack, s.slack().equals("connected") ? "status-ok" : s.slack().equals("not configured") ? "status-calm" : "status-warn");
        model.setText("Model: " + s.modelLabel());
        tone(model, "status-calm");
        policy.setText(s.policyLoaded() ? "Policy: " + s.policyName() + " · sha256 " + StatusViewModel.shortHash(s.policySha256())
                : "NO POLICY — every call denied");
        tone(policy, s.policyLoaded() ? "status-ok" : "status-alarm");
        audit.setText(s.auditOk() ? "Audit chain intact · " + s.auditDetail() : "Audit: " + s.auditDetail());
        tone(audit, s.auditOk() ? "status-ok" : s.auditDetail().startsWith("checking") ? "status-calm" : "status-alarm");
    }

    private static void tone(Label l, String tone) {
        l.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-item"));
        l.getStyleClass().add(tone);
    }
}
