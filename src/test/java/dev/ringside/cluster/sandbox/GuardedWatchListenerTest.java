package dev.ringside.cluster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

class GuardedWatchListenerTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ReentrantReadWriteLock store = new ReentrantReadWriteLock();

    private final WebSocketListener recorder = new WebSocketListener() {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            calls.add("open on " + Thread.currentThread().getName() + (store.getReadHoldCount() == 1 ? " holding the store" : ""));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            calls.add("message " + text + " on " + Thread.currentThread().getName());
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            calls.add("closing " + code + " on " + Thread.currentThread().getName());
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            calls.add("closed " + code + " " + reason + " on " + Thread.currentThread().getName());
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            calls.add("failure " + failure.getMessage() + " on " + Thread.currentThread().getName());
        }
    };

    @Test
    void openHoldsTheStoreAndCloseAndFailureRunOnTheCloserInOrder() throws Exception {
        ExecutorService closer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("closer").factory());
        String caller = Thread.currentThread().getName();
        GuardedWatchListener listener = new GuardedWatchListener(recorder, store.readLock(), closer);

        listener.onOpen(null, null);
        listener.onMessage(null, "hello");
        listener.onClosing(null, 1000, "bye");
        listener.onClosed(null, 1000, "bye");
        listener.onFailure(null, new IllegalStateException("reset"), null);
        closer.shutdown();
        assertThat(closer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(store.getReadLockCount()).as("released after opening").isZero();
        assertThat(calls).containsExactly("open on " + caller + " holding the store", "message hello on " + caller, "closing 1000 on closer",
                "closed 1000 bye on closer", "failure reset on closer");
    }

    @Test
    void aCloseThatWaitsDoesNotHoldTheCaller() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        WebSocketListener waitsForTheCaller = new WebSocketListener() {
            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService closer = Executors.newSingleThreadExecutor();
        new GuardedWatchListener(waitsForTheCaller, store.readLock(), closer).onClosed(null, 1000, "bye");
        // Only the caller can release the close: had onClosed run here, this line would never be reached.
        release.countDown();
        closer.shutdown();
        assertThat(closer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
