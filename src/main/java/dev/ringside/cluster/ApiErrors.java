package dev.ringside.cluster;

import dev.ringside.gate.ToolFailure;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.TimeoutException;

/** Turns API server failures into messages a person and a model can read and act on. */
final class ApiErrors {
    private ApiErrors() {
    }

    static ToolFailure failure(String tool, ObjectRef target, KubernetesClientException e) {
        String what = target == null ? "the request" : target.spoken();
        String message = switch (e.getCode()) {
            case 404 -> what + " not found";
            case 409 -> what + " was changed by someone else while " + tool + " ran (conflict); read it again before retrying";
            case 401 -> tool + ": the agent's cluster credentials were rejected (expired or revoked)";
            case 403 -> tool + ": the agent's cluster role does not allow this on " + what;
            case 422, 400 -> tool + ": the API server rejected the change to " + what + ": " + serverMessage(e);
            case 0 -> timedOut(e) ? tool + ": the API server did not answer in time" : tool + ": cannot reach the API server ("
                    + rootMessage(e) + ")";
            default -> tool + ": the API server refused (HTTP " + e.getCode() + "): " + serverMessage(e);
        };
        return new ToolFailure(message, e);
    }

    static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) return true;
        }
        return false;
    }

    private static String serverMessage(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : rootMessage(e);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
