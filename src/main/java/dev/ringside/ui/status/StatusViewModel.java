package dev.ringside.ui.status;

import dev.ringside.ui.backend.CockpitStatus;
import dev.ringside.ui.backend.StatusSource;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The status bar: cluster, Slack, model, policy (with the fail-closed alarm) and the audit chain. */
public final class StatusViewModel {
    /** Context names that look like production get the alarm colour, as k9s does. */
    private static final Pattern PRODUCTION = Pattern.compile("(^|[^a-z])(prod|production|prd|live)([^a-z]|$)");

    private final StatusSource source;
    private final ReadOnlyObjectWrapper<CockpitStatus> status = new ReadOnlyObjectWrapper<>();

    public StatusViewModel(StatusSource source) {
        this.source = source;
    }

    public void refresh() {
        CockpitStatus now = source.status();
        if (!now.equals(status.get())) status.set(now);
    }

    public static boolean productionLike(String context) {
        return context != null && PRODUCTION.matcher(context.toLowerCase(Locale.ROOT)).find();
    }

    public static String shortHash(String sha256) {
        return sha256 == null ? "" : sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }

    public ReadOnlyObjectProperty<CockpitStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
