package dev.ringside.cluster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedWatchListenerTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ReentrantReadWriteLock store = new ReentrantReadWriteLock();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("sender").factory());

    /** The server's side of the socket: records which thread each send and close ran on. */
    private final WebSocket server = serverSocket(text -> {
        calls.add("send " + text + " on " + Thread.currentThread().getName());
        return true;
    });

    /** A server-side socket whose sends go to {@code onSend}; its closes are recorded with their thread. */
    private WebSocket serverSocket(Predicate<String> onSend) {
        return new WebSocket() {
            @Override
            public RecordedRequest request() {
                return null;
            }

            @Override
            public boolean send(String text) {
                return onSend.test(text);
            }

            @Override
            public boolean send(byte[] bytes) {
                return send(new String(bytes));
            }

            @Override
            public boolean close(int code, String reason) {
                calls.add("close " + code + " on " + Thread.currentThread().getName());
                return true;
            }
        };
    }

    @AfterEach
    void stop() throws InterruptedException {
        sender.shutdown();
        assertThat(sender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theWatchOpensHoldingTheStoreAndItsSendsAndCloseRunOnTheSenderInOrder() throws Exception {
        AtomicReference<WebSocket> given = new AtomicReference<>();
        WebSocketListener watch = new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                given.set(webSocket);
                calls.add("open holding the store: " + (store.getReadHoldCount() == 1));
                webSocket.send("ADDED");
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                calls.add("closed on " + Thread.currentThread().getName() + ", same socket: " + (webSocket == given.get()));
                webSocket.close(code, reason);
            }
        };
        GuardedWatchListener listener = new GuardedWatchListener(watch, store.readLock(), sender);
        String caller = Thread.currentThread().getName();

        listener.onOpen(server, null);
        assertThat(store.getReadLockCount()).as("released after opening").isZero();
        given.get().send("MODIFIED");
        listener.onClosed(server, 1000, "bye");
        sender.shutdown();
        assertThat(sender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(calls).filteredOn(call -> !call.endsWith(" on sender"))
                .containsExactly("open holding the store: true", "closed on " + caller + ", same socket: true");
        assertThat(calls).filteredOn(call -> call.endsWith(" on sender"))
                .containsExactly("send ADDED on sender", "send MODIFIED on sender", "close 1000 on sender");
    }

    @Test
    void aSendThatWaitsForTheCallerDoesNotHoldTheCaller() throws Exception {
        // The deadlock's shape: the server's send can only finish once the caller (the event loop) is free.
        CountDownLatch callerFree = new CountDownLatch(1);
        WebSocket waitsForTheCaller = serverSocket(text -> {
            try {
                boolean written = callerFree.await(5, TimeUnit.SECONDS);
                calls.add("written: " + written);
                return written;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        WebSocketListener watch = new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                webSocket.send("ADDED");
            }
        };

        new GuardedWatchListener(watch, store.readLock(), sender).onOpen(waitsForTheCaller, null);
        // Had the send run here, it would have given up waiting for this line, which comes after it.
        callerFree.countDown();
        sender.shutdown();
        assertThat(sender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).containsExactly("written: true");
    }

    @Test
    void onceTheServerStopsSendsAreRefusedNotThrown() {
        AtomicReference<WebSocket> given = new AtomicReference<>();
        WebSocketListener watch = new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                given.set(webSocket);
            }
        };
        new GuardedWatchListener(watch, store.readLock(), sender).onOpen(server, null);
        sender.shutdown();
        assertThat(given.get().send("late")).isFalse();
        assertThat(given.get().close(1000, "late")).isFalse();
    }
}
