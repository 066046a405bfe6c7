package dev.ringside.cluster;

import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a real cluster, before anything watches it, whether the watches can work: for each watched
 * namespace (or all of them) one list of pods and one of deployments, with the engineer's
 * credentials, bounded and not retried. An unreachable server, rejected credentials or a missing
 * permission become one sentence at start instead of a cockpit that silently sees nothing.
 */
public final class ApiServerCheck {
    private static final int CONNECT_MILLIS = 5_000;
    private static final int REQUEST_MILLIS = 10_000;
    private static final ListOptions ONE = new ListOptionsBuilder().withLimit(1L).build();

    private ApiServerCheck() {
    }

    /** What stops the watches from working, or empty when nothing does. */
    public static Optional<String> problem(Config engineer, Set<String> namespaces) {
        Config once = new ConfigBuilder(engineer).withRequestRetryBackoffLimit(0).withConnectionTimeout(CONNECT_MILLIS)
                .withRequestTimeout(REQUEST_MILLIS).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(once).build()) {
            for (String namespace : namespaces.isEmpty() ? List.of("") : List.copyOf(namespaces)) {
                String where = namespace.isEmpty() ? "in all namespaces" : "in namespace " + namespace;
                try {
                    if (namespace.isEmpty()) {
                        client.pods().inAnyNamespace().list(ONE);
                        client.apps().deployments().inAnyNamespace().list(ONE);
                    } else {
                        client.pods().inNamespace(namespace).list(ONE);
                        client.apps().deployments().inNamespace(namespace).list(ONE);
                    }
                } catch (KubernetesClientException e) {
                    return Optional.of(words(engineer.getMasterUrl().replaceAll("/$", ""), where, e));
                }
            }
        }
        return Optional.empty();
    }

    private static String words(String server, String where, KubernetesClientException e) {
        // fabric8 reports a request that never got an HTTP answer with code 0 or -1
        int code = Math.max(e.getCode(), 0);
        return switch (code) {
            case 0 -> ApiErrors.timedOut(e) ? "the API server " + server + " did not answer within " + REQUEST_MILLIS / 1000 + " s"
                    : "cannot reach the API server " + server + ": " + ApiErrors.rootMessage(e);
            case 401 -> "the API server " + server + " rejected the kubeconfig's credentials (401); log in to the cluster again";
            case 403 -> "the kubeconfig's user may not list pods and deployments " + where
                    + " (403); the watches need get, list and watch on both";
            case 404 -> "the API server " + server + " has no pods or deployments API (404); is it a Kubernetes API server?";
            default -> "the API server " + server + " refused to list pods " + where + " (HTTP " + e.getCode() + "): "
                    + ApiErrors.rootMessage(e);
        };
    }
}
