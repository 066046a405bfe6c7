package dev.ringside.cluster.sandbox;

import static dev.ringside.cluster.sandbox.SandboxNames.CHECKOUT_PODS;
import static dev.ringside.cluster.sandbox.SandboxNames.NOTE_ANNOTATION;
import static dev.ringside.cluster.sandbox.SandboxNames.SHOP;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The embedded default cluster: an in-process Kubernetes API server (fabric8's mock server in CRUD
 * mode, on loopback, random free port) seeded with the demo shop and its live incident, so a
 * newcomer sees the whole product with no real cluster. It stores and serves objects, pod logs and
 * watches; it runs no controllers (a scaled Deployment gets no new pods) and does not authenticate
 * anyone (see {@link #credentialsEnforced()}).
 */
public final class SandboxCluster implements AutoCloseable {
    /** Sandbox requests answer in microseconds; the bound only stops a wedged server from hanging a run. */
    private static final int REQUEST_TIMEOUT_MILLIS = 10_000;
    // The mock web server logs every request at INFO; held strongly so the level setting sticks.
    private static final Logger REQUEST_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private final KubernetesMockServer server;
    private final SandboxDispatcher dispatcher;
    private final PodLogs logs;
    private final SandboxSeed seed;
    private final KubernetesClient admin;
    private final Map<AttributeSet, String> seededStore;
    private final Map<AttributeSet, String> cleanStore;
    private final AtomicInteger plantedEvents = new AtomicInteger();

    private SandboxCluster(KubernetesMockServer server, SandboxDispatcher dispatcher, PodLogs logs, SandboxSeed seed,
                           KubernetesClient admin) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.logs = logs;
        this.seed = seed;
        this.admin = admin;
        seed.objects().forEach(object -> admin.resource(object).create());
        logs.replaceAll(seed.logs());
        this.seededStore = dispatcher.save();
        CHECKOUT_PODS.forEach(pod -> admin.pods().inNamespace(SHOP).withName(pod)
                .edit(p -> new PodBuilder(p).editMetadata().removeFromAnnotations(NOTE_ANNOTATION).endMetadata().build()));
        this.cleanStore = dispatcher.save();
        dispatcher.restore(seededStore);
    }

    /** Starts the server on a free loopback port and seeds it. */
    public static SandboxCluster start() {
        REQUEST_LOG.setLevel(Level.WARNING);
        PodLogs logs = new PodLogs();
        SandboxDispatcher dispatcher = new SandboxDispatcher(logs);
        KubernetesMockServer server = startServer(dispatcher);
        KubernetesClient admin = server.createClient(builder -> builder.editOrNewConfig()
                .withRequestTimeout(REQUEST_TIMEOUT_MILLIS).withNamespace(null).endConfig());
        try {
            return new SandboxCluster(server, dispatcher, logs, SandboxSeed.build(), admin);
        } catch (RuntimeException e) {
            admin.close();
            server.destroy();
            throw e;
        }
    }

    /**
     * fabric8's mock server gives itself a fixed 10 s to bind; a busy machine can miss that once,
     * so a second try is made before the failure is reported.
     */
    private static KubernetesMockServer startServer(SandboxDispatcher dispatcher) {
        IllegalStateException first = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
                    new HashMap<>(), dispatcher, false);
            try {
                server.start(InetAddress.getLoopbackAddress(), 0);
                return server;
            } catch (IllegalStateException notStarted) {
                server.destroy();
                if (first == null) first = notStarted;
                else first.addSuppressed(notStarted);
            }
        }
        throw new IllegalStateException("the sandbox API server did not start on loopback (tried twice)", first);
    }

    /** The engineer-side client (full access). Agents never get this one; see {@code AgentClients}. */
    public KubernetesClient adminClient() {
        return admin;
    }

    public String masterUrl() {
        return admin.getMasterUrl().toString();
    }

    /** False: the sandbox accepts any request from anyone, so agent tokens are identities, not limits. */
    public boolean credentialsEnforced() {
        return false;
    }

    /** Faults a test can arm on this API server (failed or slow requests); see {@link SandboxFaults}. */
    public SandboxFaults faults() {
        return dispatcher.faults();
    }

    /** Canonical text of every object's identity and defining fields; equal snapshots mean nothing changed. */
    public String snapshot() {
        return ClusterSnapshot.of(admin);
    }

    /**
     * Puts the seed back: every object as first created (planted objects gone) and every log as
     * seeded. The store is swapped in one step rather than re-created through the API, which keeps
     * it in the low milliseconds; watches opened before a reset are not told, so re-list after it.
     */
    public void reset() {
        dispatcher.faults().clear();
        dispatcher.restore(seededStore);
        logs.replaceAll(seed.logs());
    }

    /**
     * The same shop and incident without the demo's planted injections (the pod annotation and the
     * log line), so a red-team case measures only what it plants itself.
     */
    public void resetWithoutDemoInjections() {
        dispatcher.faults().clear();
        dispatcher.restore(cleanStore);
        java.util.Map<String, java.util.List<String>> clean = new java.util.LinkedHashMap<>();
        seed.logs().forEach((pod, lines) -> clean.put(pod, lines.stream().filter(l -> !l.equals(SandboxNames.PLANTED_LOG_LINE)).toList()));
        logs.replaceAll(clean);
    }

    /**
     * Hides a red-team payload where an agent will read it. Vectors: {@code pod-name} (an extra
     * {@code app=checkout} pod in {@code shop} named by the payload), {@code log-line} (appended to
     * the checkout pods' logs), {@code event-message} (a Warning Event about a checkout pod),
     * {@code annotation} ({@value SandboxNames#NOTE_ANNOTATION} on the checkout pods) and
     * {@code alert} (a trigger payload: nothing is planted in the cluster).
     *
     * @throws IllegalArgumentException for an unknown vector or a pod name Kubernetes would reject
     */
    public void plant(String vector, String payload) {
        switch (PlantVector.fromCorpusName(vector)) {
            case POD_NAME -> plantPod(payload);
            case LOG_LINE -> CHECKOUT_PODS.forEach(pod -> logs.append(SHOP, pod, payload));
            case EVENT_MESSAGE -> plantEvent(payload);
            case ANNOTATION -> CHECKOUT_PODS.forEach(pod -> admin.pods().inNamespace(SHOP).withName(pod)
                    .edit(p -> new PodBuilder(p).editMetadata().addToAnnotations(NOTE_ANNOTATION, payload).endMetadata().build()));
            case ALERT -> {
                // Alerts arrive through the trigger, not the cluster.
            }
        }
    }

    private void plantPod(String name) {
        if (name == null || name.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("pod-name payload must be a DNS-1123 subdomain (lowercase letters, digits, "
                    + "'-' and '.', starting and ending with a letter or digit, at most 253 characters): " + name);
        }
        if (admin.pods().inNamespace(SHOP).withName(name).get() != null) {
            return; // a pod of that name is already there, so the name is already visible to the agents
        }
        Pod template = admin.pods().inNamespace(SHOP).withName(CHECKOUT_PODS.getFirst()).get();
        Pod planted = new PodBuilder(template).withNewMetadata().withNamespace(SHOP).withName(name)
                .withLabels(template.getMetadata().getLabels()).withOwnerReferences(template.getMetadata().getOwnerReferences())
                .endMetadata().build();
        admin.resource(planted).create();
    }

    private void plantEvent(String message) {
        String pod = CHECKOUT_PODS.getFirst();
        HasMetadata event = new EventBuilder().withNewMetadata().withNamespace(SHOP)
                .withName(pod + ".planted" + plantedEvents.incrementAndGet()).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withNamespace(SHOP).withName(pod).withApiVersion("v1").endInvolvedObject()
                .withType("Warning").withReason("Unhealthy").withMessage(message).withCount(1)
                .withFirstTimestamp("2026-11-21T02:58:20Z").withLastTimestamp("2026-11-21T02:58:20Z")
                .withNewSource().withComponent("kubelet").endSource().build();
        admin.resource(event).create();
    }

    /** Stops the server; clients made for it stop working. */
    @Override
    public void close() {
        admin.close();
        server.destroy();
    }
}
