package dev.ringside.cluster.sandbox;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;

/**
 * A watch on the sandbox API server, guarded against two hazards of fabric8's mock server (7.8).
 *
 * <p><b>Opening reads the store.</b> {@code onOpen} sends the watch its current objects by
 * iterating the store, after the request that opened it was answered, so outside the dispatcher's
 * read lock; a concurrent {@link SandboxDispatcher#restore} made it fail half way
 * ({@code ConcurrentModificationException}, seen in the soak). Here it holds that lock.
 *
 * <p><b>Closing must not run on the event loop.</b> The server calls {@code onClosed} on its only
 * event loop, and the CRUD
 * watch listener then waits up to a minute for its sender thread to finish. That thread may be
 * in the middle of sending a watch event, which cannot complete until the event loop is free
 * again: the server stops answering every request for 30 s, until the send gives up. A client
 * closing a watch while an event is on its way is enough, and fabric8's own
 * {@code getLog()} opens and closes a watch on the pod every time. Here the waiting happens on
 * {@code closer}, so the event loop keeps serving.
 */
final class GuardedWatchListener extends WebSocketListener {
    private final WebSocketListener watch;
    private final Lock storeRead;
    private final Executor closer;

    GuardedWatchListener(WebSocketListener watch, Lock storeRead, Executor closer) {
        this.watch = watch;
        this.storeRead = storeRead;
        this.closer = closer;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        watch.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        storeRead.lock();
        try {
            watch.onOpen(webSocket, response);
        } finally {
            storeRead.unlock();
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        watch.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        watch.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        watch.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        closer.execute(() -> watch.onClosing(webSocket, code, reason));
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        closer.execute(() -> watch.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
        closer.execute(() -> watch.onFailure(webSocket, failure, response));
    }
}
