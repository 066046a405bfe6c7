package dev.ringside.ui.replay;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Slow replay work (listing a journal's runs, indexing a run of a million events, writing an
 * export) runs on a virtual thread of its own, never on the FX thread; its result or its failure
 * comes back to the FX thread once. The one place replay hands work back to the FX thread.
 */
final class OffFxThread {

    private OffFxThread() {
    }

    static <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        Thread.ofVirtual().name(name).start(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                Platform.runLater(() -> failed.accept(e));
                return;
            }
            Platform.runLater(() -> done.accept(result));
        });
    }
}
