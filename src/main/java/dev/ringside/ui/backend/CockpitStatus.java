package dev.ringside.ui.backend;

/**
 * @param clusterContext kubeconfig context (or the sandbox's name)
 * @param namespace      the namespaces the watches cover ("all namespaces" or a list)
 * @param slack          {@code connected}, {@code disconnected}, {@code posting only (no app token)} or {@code not configured}
 * @param policyName     where the policy came from; null when no policy is loaded
 * @param policySha256   the policy bytes' hash; null when no policy is loaded
 * @param policyBroken   why no policy is loaded (the gate denies everything); null when one is
 * @param auditOk        whether the audit chain verified
 * @param auditDetail    entry count or the first broken link
 */
public record CockpitStatus(String clusterContext, String namespace, String slack, String modelLabel, String policyName,
                            String policySha256, String policyBroken, boolean auditOk, String auditDetail) {

    public boolean policyLoaded() {
        return policyBroken == null;
    }
}
