package dev.ringside.cluster.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Faults a test arms on the sandbox API server, so it can show what Ringside does when the cluster
 * misbehaves. A fault matches a request by HTTP method and by the start of its path (query string
 * included, so {@code /apis/apps/v1/namespaces/ringside-agents/deployments} matches every
 * Deployment call in that namespace), and is used up by the requests it matches:
 * <ul>
 *   <li>{@link #failNext}: the request is answered with the given status and a Kubernetes
 *       {@code Status} body, and does <em>not</em> take effect (nothing is stored or deleted);</li>
 *   <li>{@link #delayNext}: the request takes effect at once, but its answer is held back for the
 *       given time, as a slow API server would.</li>
 * </ul>
 * Faults are checked in the order they were armed; the first that matches is used. The sandbox
 * itself never arms any, and {@link SandboxCluster#reset()} clears them. Note that fabric8 clients
 * retry 5xx answers by themselves (up to {@code requestRetryBackoffLimit} times), which uses up
 * armed failures silently; a client that must see each one needs that limit set to 0.
 */
public final class SandboxFaults {
    private sealed interface Fault permits Failure, Delay {
        String method();

        String pathPrefix();

        default boolean matches(RecordedRequest request) {
            return method().equals(request.getMethod()) && request.getPath() != null && request.getPath().startsWith(pathPrefix());
        }
    }

    private record Failure(String method, String pathPrefix, int status) implements Fault {
    }

    private record Delay(String method, String pathPrefix, Duration delay) implements Fault {
    }

    /** One armed fault per request it will still affect. */
    private final List<Fault> armed = new ArrayList<>();
    private int used;

    SandboxFaults() {
    }

    /**
     * The next {@code times} requests with this method whose path starts with {@code pathPrefix}
     * fail with {@code status} (e.g. 500, 503, 409) and change nothing.
     */
    public synchronized SandboxFaults failNext(String method, String pathPrefix, int times, int status) {
        if (times < 1) throw new IllegalArgumentException("times must be 1 or more, was " + times);
        if (status < 400 || status > 599) throw new IllegalArgumentException("status must be an HTTP error (400-599), was " + status);
        for (int i = 0; i < times; i++) armed.add(new Failure(verb(method), prefix(pathPrefix), status));
        return this;
    }

    /** The next request with this method whose path starts with {@code pathPrefix} is answered after {@code delay}. */
    public synchronized SandboxFaults delayNext(String method, String pathPrefix, Duration delay) {
        if (delay.isNegative() || delay.isZero()) throw new IllegalArgumentException("delay must be positive, was " + delay);
        armed.add(new Delay(verb(method), prefix(pathPrefix), delay));
        return this;
    }

    /** How many armed faults have been used by a request so far (since the last {@link #clear}). */
    public synchronized int used() {
        return used;
    }

    /** How many armed faults are still waiting for a request. */
    public synchronized int pending() {
        return armed.size();
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        armed.clear();
        used = 0;
    }

    /**
     * Answers the request through the first armed fault it matches (using it up), or through
     * {@code dispatch} when none does.
     */
    MockResponse answer(RecordedRequest request, java.util.function.Supplier<MockResponse> dispatch) {
        Fault fault;
        synchronized (this) {
            fault = take(request);
        }
        return switch (fault) {
            case null -> dispatch.get();
            case Failure failure -> SandboxDispatcher.status(failure.status(), reason(failure.status()),
                    "fault injected by the test: " + failure.method() + " " + request.getPath() + " answered " + failure.status());
            case Delay delay -> dispatch.get().setBodyDelay(delay.delay());
        };
    }

    private Fault take(RecordedRequest request) {
        for (Iterator<Fault> it = armed.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.matches(request)) {
                it.remove();
                used++;
                return fault;
            }
        }
        return null;
    }

    private static String verb(String method) {
        if (method == null || method.isBlank()) throw new IllegalArgumentException("an HTTP method is needed (GET, POST, PUT, PATCH, DELETE)");
        return method.toUpperCase(Locale.ROOT);
    }

    private static String prefix(String pathPrefix) {
        if (pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("pathPrefix must be an API path starting with '/', was " + pathPrefix);
        }
        return pathPrefix;
    }

    private static String reason(int status) {
        return switch (status) {
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> status >= 500 ? "InternalError" : "BadRequest";
        };
    }
}
