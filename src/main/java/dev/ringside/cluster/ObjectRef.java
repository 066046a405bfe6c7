package dev.ringside.cluster;

import java.util.Locale;

/** Which object a tool touches, named the same way in outputs, blast radii and error messages. */
record ObjectRef(String kind, String namespace, String name) {

    static ObjectRef clusterScoped(String kind, String name) {
        return new ObjectRef(kind, null, name);
    }

    /** {@code Deployment/shop/checkout}, or {@code Node/node-a} for cluster-scoped kinds. */
    @Override
    public String toString() {
        return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    /** {@code deployment shop/checkout}: how a person says it. */
    String spoken() {
        return kind.toLowerCase(Locale.ROOT) + " " + (namespace == null ? name : namespace + "/" + name);
    }
}
