package dev.ringside.ui.trace;

import javafx.application.Platform;
import javafx.scene.control.ListView;

/**
 * Keeps the newest row in view while follow mode is on. The scroll runs after the current change
 * has reached the list's skin (a scroll requested from inside the change lands on the old row
 * count and is ignored), and many changes in one pulse ask for one scroll.
 */
final class FollowScroller {
    private final ListView<TraceRow> list;
    private final TraceViewModel vm;
    private boolean requested;

    FollowScroller(ListView<TraceRow> list, TraceViewModel vm) {
        this.list = list;
        this.vm = vm;
    }

    /** FX thread. */
    void requestScroll() {
        if (requested || !vm.followProperty().get()) return;
        requested = true;
        Platform.runLater(this::scrollToNewest);
    }

    private void scrollToNewest() {
        requested = false;
        int rows = list.getItems().size();
        if (vm.followProperty().get() && rows > 0) list.scrollTo(rows - 1);
    }
}
