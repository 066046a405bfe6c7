package dev.ringside.ui.replay;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Two replays side by side (yesterday's incident and today's), each navigable on its own. While
 * {@link #alignedProperty() aligned}, the right one follows the left one's elapsed time since its
 * run started, so the same moment of both incidents is on screen.
 */
public final class CompareViewModel implements AutoCloseable {
    private final ReplayViewModel left = new ReplayViewModel();
    private final ReplayViewModel right = new ReplayViewModel();
    private final BooleanProperty aligned = new SimpleBooleanProperty();

    public CompareViewModel() {
        aligned.addListener((o, was, on) -> followLeft());
        left.positionProperty().addListener((o, was, now) -> followLeft());
        left.openedRunProperty().addListener((o, was, now) -> followLeft());
        right.openedRunProperty().addListener((o, was, now) -> followLeft());
    }

    private void followLeft() {
        if (aligned.get() && left.loadedProperty().get() && right.loadedProperty().get()) right.seekElapsed(left.elapsed());
    }

    /** Lists the runs of each side's journal, or of {@code fallback} (the live journal) where none is chosen. */
    public void relist(Path fallback) {
        left.relist(fallback);
        right.relist(fallback);
    }

    public ReplayViewModel left() {
        return left;
    }

    public ReplayViewModel right() {
        return right;
    }

    public BooleanProperty alignedProperty() {
        return aligned;
    }

    @Override
    public void close() {
        left.close();
        right.close();
    }
}
