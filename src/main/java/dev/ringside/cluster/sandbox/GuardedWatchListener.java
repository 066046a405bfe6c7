package dev.ringside.cluster.sandbox;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Lock;

/**
 * A watch on the sandbox API server, guarded against two hazards of fabric8's mock server (7.8).
 *
 * <p><b>Opening reads the store.</b> {@code onOpen} sends the watch its current objects by
 * iterating the store, after the request that opened it was answered, so outside the dispatcher's
 * read lock; a concurrent {@link SandboxDispatcher#restore} made it fail half way
 * ({@code ConcurrentModificationException}, seen in the soak). Here it holds that lock.
 *
 * <p><b>Sending blocks until the event loop is free.</b> The CRUD watch sends its events from its
 * own thread, and each send waits (up to 30 s) for the server's only event loop to write it. The
 * server calls {@code onClosed} on that event loop, and the watch then waits for its sending
 * thread to finish: when a client closed a watch while an event was on its way, the server
 * answered nothing for 30 s. fabric8's own {@code getLog()} opens and closes a watch on the pod
 * every time, so this was hit within a few thousand log reads. Here the watch gets a socket whose
 * sends and closes are queued to {@code sender} and return at once; only that thread waits for the
 * event loop, which is never waiting for it. The callbacks themselves stay on the event loop, so a
 * closing watch is never notified of a change at the same time (its sender is already shut down).
 */
final class GuardedWatchListener extends WebSocketListener {
    private final WebSocketListener watch;
    private final Lock storeRead;
    private final Executor sender;
    private volatile WebSocket queued;

    GuardedWatchListener(WebSocketListener watch, Lock storeRead, Executor sender) {
        this.watch = watch;
        this.storeRead = storeRead;
        this.sender = sender;
    }

    /** The socket the watch is given: the server's one, with sends and closes queued to the sender. */
    private WebSocket queued(WebSocket server) {
        WebSocket socket = queued;
        if (socket == null) {
            socket = new QueuedWebSocket(server, sender);
            queued = socket;
        }
        return socket;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        watch.onBeforeAccept(queued(webSocket), response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        storeRead.lock();
        try {
            watch.onOpen(queued(webSocket), response);
        } finally {
            storeRead.unlock();
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        watch.onMessage(queued(webSocket), text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        watch.onMessage(queued(webSocket), bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        watch.onMessage(queued(webSocket), bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        watch.onClosing(queued(webSocket), code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        watch.onClosed(queued(webSocket), code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
        watch.onFailure(queued(webSocket), failure, response);
    }

    /** Sends and closes handed to one thread, in order; false once the server is shutting down. */
    private record QueuedWebSocket(WebSocket server, Executor sender) implements WebSocket {
        @Override
        public RecordedRequest request() {
            return server.request();
        }

        @Override
        public boolean send(String text) {
            return queue(() -> server.send(text));
        }

        @Override
        public boolean send(byte[] bytes) {
            return queue(() -> server.send(bytes));
        }

        @Override
        public boolean close(int code, String reason) {
            return queue(() -> server.close(code, reason));
        }

        private boolean queue(Runnable work) {
            try {
                sender.execute(work);
                return true;
            } catch (RejectedExecutionException shuttingDown) {
                return false;
            }
        }
    }
}
