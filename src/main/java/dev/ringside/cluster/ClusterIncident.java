package dev.ringside.cluster;

/**
 * Trouble a watch saw in the cluster. {@code kind} is {@code crashloop}, {@code oomkilled},
 * {@code imagepull} or {@code stalled-rollout}; {@code workload} is the deployment concerned.
 */
public record ClusterIncident(String kind, String namespace, String workload, String summary) {
}
