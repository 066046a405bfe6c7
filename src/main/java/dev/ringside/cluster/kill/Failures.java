package dev.ringside.cluster.kill;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Short error texts for step reports: what failed and what the API server said, without stack noise. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        if (e instanceof KubernetesClientException k) {
            String server = k.getStatus() != null && k.getStatus().getMessage() != null ? k.getStatus().getMessage() : root(k);
            return k.getCode() == 0 ? "cannot reach the API server: " + root(k) : "HTTP " + k.getCode() + ": " + server;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** 404: the object is already gone (someone else removed it); for a delete that is the wanted state. */
    static boolean notFound(KubernetesClientException e) {
        return e.getCode() == 404;
    }

    /** 409 on create: the object is already there. */
    static boolean alreadyExists(KubernetesClientException e) {
        return e.getCode() == 409;
    }

    private static String root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
