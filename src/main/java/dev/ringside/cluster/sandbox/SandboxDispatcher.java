package dev.ringside.cluster.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD dispatcher plus what the sandbox needs on top: pod logs (CRUD mode stores objects
 * but has no kubelet to ask for {@code /log}), an honest 404 for the TokenRequest subresource it
 * cannot implement, a fast restore of the whole store to a saved state, the faults a test
 * arms ({@link SandboxFaults}), and watches that neither race a restore nor stall the server
 * ({@link GuardedWatchListener}).
 */
final class SandboxDispatcher extends KubernetesCrudDispatcher {
    private static final Pattern LOG_PATH = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(?:\\?(.*))?$");
    private static final Pattern TOKEN_PATH = Pattern.compile("^/api/v1/namespaces/[^/]+/serviceaccounts/[^/]+/token(?:\\?.*)?$");

    // Requests hold the read lock; a restore takes the write lock so no request sees half a store.
    private final ReadWriteLock storeLock = new ReentrantReadWriteLock();
    private final PodLogs logs;
    private final SandboxFaults faults = new SandboxFaults();
    private final ExecutorService watchSender =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("sandbox-watch-sender").factory());

    SandboxDispatcher(PodLogs logs) {
        this.logs = logs;
    }

    SandboxFaults faults() {
        return faults;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = faults.answer(request, () -> dispatchToStore(request));
        WebSocketListener watch = response.getWebSocketListener();
        return watch == null ? response : response.withWebSocketUpgrade(new GuardedWatchListener(watch, storeLock.readLock(), watchSender));
    }

    /** Stops the thread that sends watch events; watches still open are closed with the server. */
    @Override
    public void shutdown() {
        super.shutdown();
        watchSender.shutdown();
    }

    private MockResponse dispatchToStore(RecordedRequest request) {
        storeLock.readLock().lock();
        try {
            String path = request.getPath();
            Matcher log = LOG_PATH.matcher(path);
            if (log.matches() && "GET".equals(request.getMethod())) return podLog(log.group(1), log.group(2), log.group(3));
            if (TOKEN_PATH.matcher(path).matches()) {
                return status(404, "NotFound", "the sandbox API server does not implement the TokenRequest API");
            }
            return super.dispatch(request);
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /** A copy of every stored object (serialized JSON by key). */
    Map<AttributeSet, String> save() {
        storeLock.writeLock().lock();
        try {
            return Map.copyOf(new HashMap<>(getMap()));
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /**
     * Puts the store back to a saved state in one step. Watches opened before are not told (the
     * objects jump back without events); callers that watch re-list after a restore.
     */
    void restore(Map<AttributeSet, String> saved) {
        storeLock.writeLock().lock();
        try {
            getMap().clear();
            getMap().putAll(saved);
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    private MockResponse podLog(String namespace, String pod, String query) {
        MockResponse stored = handleGet("/api/v1/namespaces/" + namespace + "/pods/" + pod);
        if (stored.code() != 200) return status(404, "NotFound", "pods \"" + pod + "\" not found");
        Map<String, String> params = parameters(query);
        List<String> lines = logs.lines(namespace, pod);
        String tail = params.get("tailLines");
        if (tail != null) {
            int n = Math.max(0, Integer.parseInt(tail));
            lines = lines.subList(Math.max(0, lines.size() - n), lines.size());
        }
        StringBuilder body = new StringBuilder();
        lines.forEach(line -> body.append(line).append('\n'));
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(body.toString());
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null || query.isEmpty()) return params;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static MockResponse status(int code, String reason, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\",\"code\":" + code + "}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
