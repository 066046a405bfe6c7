package dev.ringside.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Informers on pods and deployments that report incidents: CrashLoopBackOff, OOMKilled,
 * ImagePullBackOff and stalled rollouts. It reports every sighting; whoever starts runs drops
 * duplicates for an incident already being worked. Agents' own namespace is not reported from.
 */
public final class IncidentWatcher implements AutoCloseable {
    private static final long RESYNC_MILLIS = 60_000;

    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

    private IncidentWatcher() {
    }

    /**
     * Watches pods and deployments in {@code namespaces} (empty: every namespace, which needs
     * cluster-wide list and watch), never reporting from {@code ignoredNamespaces}.
     */
    public static IncidentWatcher start(KubernetesClient client, Set<String> namespaces, Set<String> ignoredNamespaces,
                                        Consumer<ClusterIncident> sink) {
        IncidentWatcher watcher = new IncidentWatcher();
        Handler<Pod> pods = new Handler<>(pod -> {
            if (!ignoredNamespaces.contains(pod.getMetadata().getNamespace())) podIncident(pod).ifPresent(sink);
        });
        Handler<Deployment> deployments = new Handler<>(deployment -> {
            if (!ignoredNamespaces.contains(deployment.getMetadata().getNamespace())) stalled(deployment).ifPresent(sink);
        });
        if (namespaces.isEmpty()) {
            watcher.informers.add(client.pods().inAnyNamespace().inform(pods, RESYNC_MILLIS));
            watcher.informers.add(client.apps().deployments().inAnyNamespace().inform(deployments, RESYNC_MILLIS));
        } else {
            for (String namespace : namespaces) {
                watcher.informers.add(client.pods().inNamespace(namespace).inform(pods, RESYNC_MILLIS));
                watcher.informers.add(client.apps().deployments().inNamespace(namespace).inform(deployments, RESYNC_MILLIS));
            }
        }
        return watcher;
    }

    /** What, if anything, is wrong with a pod, as an incident about its deployment. */
    static Optional<ClusterIncident> podIncident(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) return Optional.empty();
        String namespace = pod.getMetadata().getNamespace();
        String workload = workloadOf(pod);
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            String waiting = status.getState() != null && status.getState().getWaiting() != null
                    ? status.getState().getWaiting().getReason() : null;
            String lastTerminated = status.getLastState() != null && status.getLastState().getTerminated() != null
                    ? status.getLastState().getTerminated().getReason() : null;
            String where = namespace + "/" + pod.getMetadata().getName() + " container " + status.getName();
            if ("OOMKilled".equals(lastTerminated)) {
                return Optional.of(new ClusterIncident("oomkilled", namespace, workload, where + " was OOMKilled"));
            }
            if ("CrashLoopBackOff".equals(waiting)) {
                return Optional.of(new ClusterIncident("crashloop", namespace, workload, where + " is in CrashLoopBackOff ("
                        + status.getRestartCount() + " restarts)"));
            }
            if ("ImagePullBackOff".equals(waiting) || "ErrImagePull".equals(waiting)) {
                return Optional.of(new ClusterIncident("imagepull", namespace, workload, where + " cannot pull its image"));
            }
        }
        return Optional.empty();
    }

    static Optional<ClusterIncident> stalled(Deployment deployment) {
        if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) return Optional.empty();
        for (DeploymentCondition condition : deployment.getStatus().getConditions()) {
            if ("Progressing".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                String namespace = deployment.getMetadata().getNamespace();
                String name = deployment.getMetadata().getName();
                return Optional.of(new ClusterIncident("stalled-rollout", namespace, name, namespace + "/" + name
                        + " rollout is stalled: " + condition.getReason()));
            }
        }
        return Optional.empty();
    }

    /** The deployment a pod belongs to: its {@code app} label, else its ReplicaSet owner minus the hash. */
    static String workloadOf(Pod pod) {
        var labels = pod.getMetadata().getLabels();
        if (labels != null && labels.containsKey("app")) return labels.get("app");
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        if (owners != null) {
            for (OwnerReference owner : owners) {
                if ("ReplicaSet".equals(owner.getKind()) && owner.getName().lastIndexOf('-') > 0) {
                    return owner.getName().substring(0, owner.getName().lastIndexOf('-'));
                }
            }
        }
        return pod.getMetadata().getName();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }

    private record Handler<T>(Consumer<T> seen) implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            seen.accept(obj);
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            seen.accept(newObj);
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            // a deleted object raises no new incident
        }
    }
}
