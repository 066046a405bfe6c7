package dev.ringside.policy.command;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Canonical names of Kubernetes resource types, so that {@code deploy}, {@code deployment.apps}
 * and {@code deployments} all read {@code deployments}. Patterns and commands go through the same
 * folding, so it can only merge spellings, never split them.
 */
final class KubernetesResources {

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        define("deployments", "deploy", "deployment");
        define("namespaces", "ns", "namespace");
        define("persistentvolumeclaims", "pvc", "pvcs", "persistentvolumeclaim");
        define("customresourcedefinitions", "crd", "crds", "customresourcedefinition");
        define("pods", "po", "pod");
        define("services", "svc", "service");
        define("secrets", "secret");
        define("statefulsets", "sts", "statefulset");
        define("daemonsets", "ds", "daemonset");
        define("replicasets", "rs", "replicaset");
        define("configmaps", "cm", "configmap");
        define("persistentvolumes", "pv", "persistentvolume");
        define("clusterrolebindings", "clusterrolebinding");
        define("clusterroles", "clusterrole");
        define("rolebindings", "rolebinding");
        define("roles", "role");
        define("serviceaccounts", "sa", "serviceaccount");
        define("nodes", "no", "node");
        define("jobs", "job");
        define("cronjobs", "cj", "cronjob");
        define("ingresses", "ing", "ingress");
        define("networkpolicies", "netpol", "networkpolicy");
        define("storageclasses", "sc", "storageclass");
        define("validatingwebhookconfigurations", "validatingwebhookconfiguration");
        define("mutatingwebhookconfigurations", "mutatingwebhookconfiguration");
    }

    private KubernetesResources() {
    }

    private static void define(String canonical, String... aliases) {
        CANONICAL.put(canonical, canonical);
        for (String alias : aliases) {
            CANONICAL.put(alias, canonical);
        }
    }

    /**
     * Emits the words one token stands for: {@code deploy/checkout} is {@code deployments} and
     * {@code checkout}; a resource type with an API group ({@code deployments.v1.apps}) is the
     * canonical type; anything else is itself.
     */
    static void expand(String token, Consumer<String> words) {
        int slash = token.indexOf('/');
        if (slash > 0) {
            String type = canonicalType(token.substring(0, slash));
            if (type != null) {
                words.accept(type);
                if (slash < token.length() - 1) {
                    words.accept(token.substring(slash + 1));
                }
                return;
            }
        }
        String type = canonicalType(token);
        words.accept(type != null ? type : token);
    }

    /** The canonical type {@code word} names, or {@code null} when it names none. */
    static String canonicalType(String word) {
        String direct = CANONICAL.get(word);
        if (direct != null) {
            return direct;
        }
        int dot = word.indexOf('.');
        if (dot > 0 && isApiGroup(word.substring(dot + 1))) {
            return CANONICAL.get(word.substring(0, dot));
        }
        return null;
    }

    /** True for the group part of {@code TYPE.GROUP}; false for file names like {@code ns.yaml}. */
    private static boolean isApiGroup(String suffix) {
        return suffix.equals("apps") || suffix.equals("extensions") || suffix.equals("batch")
                || suffix.endsWith("k8s.io")
                || (suffix.length() > 1 && suffix.charAt(0) == 'v' && Character.isDigit(suffix.charAt(1)));
    }
}
