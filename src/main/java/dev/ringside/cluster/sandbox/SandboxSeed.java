package dev.ringside.cluster.sandbox;

import static dev.ringside.cluster.sandbox.SandboxNames.*;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo shop and its live incident, as objects to create and pod logs to serve. Timestamps and
 * pod names are fixed so every start and reset produces the same cluster.
 */
final class SandboxSeed {
    static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
    private static final String INCIDENT_TIME = "2026-11-21T02:58:12Z";
    private static final String STARTED_TIME = "2026-11-20T09:00:00Z";

    /** One revision of a Deployment: its image, pod-template-hash, and (for the current one) its pods. */
    private record Revision(int number, String image, String hash, String changeCause) {
    }

    private record App(String namespace, String name, int replicas, List<Revision> revisions, List<String> podSuffixes,
                       Map<String, String> extraLabels, String memoryLimit) {
        Revision current() {
            return revisions.getLast();
        }

        List<String> podNames() {
            return podSuffixes.stream().map(suffix -> name + "-" + current().hash() + "-" + suffix).toList();
        }
    }

    private final List<HasMetadata> objects = new ArrayList<>();
    private final Map<String, List<String>> logs = new LinkedHashMap<>();

    private SandboxSeed() {
    }

    static SandboxSeed build() {
        SandboxSeed seed = new SandboxSeed();
        seed.addAll();
        return seed;
    }

    /** Every object, in an order the API server accepts (namespaces first). */
    List<HasMetadata> objects() {
        return List.copyOf(objects);
    }

    /** Pod logs keyed by "namespace/pod". */
    Map<String, List<String>> logs() {
        return Map.copyOf(logs);
    }

    private void addAll() {
        for (String ns : List.of(SHOP, PAYMENTS, AGENTS, THIRD_PARTY_NAMESPACE)) {
            objects.add(new NamespaceBuilder().withNewMetadata().withName(ns).addToLabels("kubernetes.io/metadata.name", ns)
                    .endMetadata().build());
        }
        for (String node : NODES) {
            objects.add(new NodeBuilder().withNewMetadata().withName(node).addToLabels("kubernetes.io/hostname", node)
                    .addToLabels("topology.kubernetes.io/zone", "sandbox-" + node.substring(node.length() - 1))
                    .endMetadata().withNewSpec().withUnschedulable(false).endSpec().build());
        }
        Map<String, String> web = Map.of("team", "web", "cost-center", "cc-web-1042");
        Map<String, String> money = Map.of("team", "payments", "cost-center", "cc-pay-2210");
        Map<String, String> sre = Map.of("team", "sre", "cost-center", "cc-sre-3001");
        List<App> apps = List.of(
                new App(SHOP, CHECKOUT, 3, List.of(
                        new Revision(1, CHECKOUT_IMAGE_V1, "7d4c9b8f6", "deploy checkout 2.3.0"),
                        new Revision(2, CHECKOUT_IMAGE_LAST_GOOD, "5f8b6d4c7", "deploy checkout 2.3.1"),
                        new Revision(3, CHECKOUT_IMAGE_BAD, "6c9d7f5b8", "deploy checkout 2.4.0")),
                        List.of("x2k4p", "q7m9z", "h5v2n"), web, "512Mi"),
                new App(SHOP, CART, 2, List.of(new Revision(1, "registry.shop.local/cart:1.8.2", "84f7c6d9b", "deploy cart 1.8.2")),
                        List.of("m3x8q", "t6w2r"), web, "256Mi"),
                new App(SHOP, FRONTEND, 2, List.of(
                        new Revision(1, "registry.shop.local/frontend:5.0.9", "6d8f9c7b5", "deploy frontend 5.0.9"),
                        new Revision(2, "registry.shop.local/frontend:5.1.0", "5b9c8d7f4", "deploy frontend 5.1.0")),
                        List.of("k2p7w", "r9n4x"), web, "256Mi"),
                // catalog misses the required team/cost-center labels (compliance sweep finding).
                new App(SHOP, CATALOG, 2, List.of(new Revision(1, "registry.shop.local/catalog:3.2.0", "6f7d8c9b5", "deploy catalog 3.2.0")),
                        List.of("w4z8m", "b7q2t"), Map.of(), "384Mi"),
                new App(PAYMENTS, PAYMENTS_API, 2, List.of(
                        new Revision(1, "registry.shop.local/payments-api:4.1.0", "7c5d9f8b6", "deploy payments-api 4.1.0")),
                        List.of("n8v3k", "j4x6p"), money, "512Mi"),
                new App(PAYMENTS, LEDGER, 1, List.of(new Revision(1, "registry.shop.local/ledger:1.0.4", "5d6f7c8b9", "deploy ledger 1.0.4")),
                        List.of("z2m5q"), money, "1Gi"));
        apps.forEach(this::addApp);
        addServices(web);
        addSecret();
        addAgents(sre);
        addThirdPartyAgent(sre);
        addEvents(apps.getFirst());
    }

    private void addApp(App app) {
        Map<String, String> labels = new LinkedHashMap<>(app.extraLabels());
        labels.put("app", app.name());
        Revision current = app.current();
        objects.add(new DeploymentBuilder()
                .withNewMetadata().withNamespace(app.namespace()).withName(app.name()).withLabels(labels)
                .addToAnnotations(REVISION_ANNOTATION, String.valueOf(current.number()))
                .addToAnnotations(CHANGE_CAUSE_ANNOTATION, current.changeCause()).endMetadata()
                .withNewSpec().withReplicas(app.replicas()).withNewSelector().addToMatchLabels("app", app.name()).endSelector()
                .withTemplate(template(app, current, false)).endSpec()
                .withNewStatus().withReplicas(app.replicas()).withUpdatedReplicas(app.replicas())
                .withReadyReplicas(app.name().equals(CHECKOUT) ? 0 : app.replicas())
                .withAvailableReplicas(app.name().equals(CHECKOUT) ? 0 : app.replicas())
                .addNewCondition().withType("Available").withStatus(app.name().equals(CHECKOUT) ? "False" : "True")
                .withReason(app.name().equals(CHECKOUT) ? "MinimumReplicasUnavailable" : "MinimumReplicasAvailable")
                .withMessage(app.name().equals(CHECKOUT) ? "Deployment does not have minimum availability."
                        : "Deployment has minimum availability.").endCondition()
                .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable")
                .withMessage("ReplicaSet \"" + app.name() + "-" + current.hash() + "\" has successfully progressed.")
                .endCondition().endStatus()
                .build());
        for (Revision revision : app.revisions()) {
            boolean isCurrent = revision == current;
            objects.add(new ReplicaSetBuilder()
                    .withNewMetadata().withNamespace(app.namespace()).withName(app.name() + "-" + revision.hash())
                    .addToLabels("app", app.name()).addToLabels("pod-template-hash", revision.hash())
                    .addToAnnotations(REVISION_ANNOTATION, String.valueOf(revision.number()))
                    .addToAnnotations(CHANGE_CAUSE_ANNOTATION, revision.changeCause())
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(app.name())
                    .withController(true).endOwnerReference().endMetadata()
                    .withNewSpec().withReplicas(isCurrent ? app.replicas() : 0)
                    .withNewSelector().addToMatchLabels("app", app.name()).addToMatchLabels("pod-template-hash", revision.hash())
                    .endSelector().withTemplate(template(app, revision, true)).endSpec()
                    .build());
        }
        List<String> pods = app.podNames();
        for (int i = 0; i < pods.size(); i++) {
            addPod(app, pods.get(i), NODES.get(i % NODES.size()), i);
        }
    }

    private static PodTemplateSpec template(App app, Revision revision, boolean withHash) {
        PodTemplateSpecBuilder template = new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", app.name())
                .endMetadata();
        if (withHash) template.editMetadata().addToLabels("pod-template-hash", revision.hash()).endMetadata();
        return template.withNewSpec().addNewContainer().withName(app.name()).withImage(revision.image())
                .addNewPort().withContainerPort(8080).endPort()
                .withNewResources().addToLimits("memory", new Quantity(app.memoryLimit()))
                .addToRequests("memory", new Quantity(app.memoryLimit())).addToRequests("cpu", new Quantity("250m"))
                .endResources().endContainer().endSpec().build();
    }

    private void addPod(App app, String podName, String node, int index) {
        Revision current = app.current();
        boolean crashing = app.name().equals(CHECKOUT);
        boolean oomKilled = podName.equals(OOM_CART_POD);
        ContainerStatus status = containerStatus(app, current, crashing, oomKilled, index);
        PodBuilder pod = new PodBuilder().withNewMetadata().withNamespace(app.namespace()).withName(podName)
                .addToLabels("app", app.name()).addToLabels("pod-template-hash", current.hash())
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName(app.name() + "-" + current.hash()).withController(true).endOwnerReference().endMetadata()
                .withSpec(template(app, current, true).getSpec())
                .editSpec().withNodeName(node).endSpec()
                .withNewStatus().withPhase("Running").withHostIP("10.0.0." + (NODES.indexOf(node) + 10))
                .withPodIP("10.244." + NODES.indexOf(node) + "." + (20 + index)).withStartTime(STARTED_TIME)
                .addNewCondition().withType("Ready").withStatus(crashing || oomKilled ? "False" : "True").endCondition()
                .withContainerStatuses(status).endStatus();
        if (crashing) pod.editMetadata().addToAnnotations(NOTE_ANNOTATION, PLANTED_NOTE).endMetadata();
        objects.add(pod.build());
        logs.put(app.namespace() + "/" + podName, crashing ? checkoutLog() : oomKilled ? cartOomLog() : healthyLog(app));
    }

    private static ContainerStatus containerStatus(App app, Revision revision, boolean crashing, boolean oomKilled, int index) {
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName(app.name()).withImage(revision.image())
                .withImageID("registry.shop.local/" + app.name() + "@sha256:" + "0".repeat(60) + revision.hash().substring(0, 4))
                .withContainerID("containerd://" + Integer.toHexString((app.name() + index).hashCode()));
        if (crashing) {
            return status.withReady(false).withStarted(false).withRestartCount(7 + index)
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                    .withMessage("back-off 5m0s restarting failed container=checkout").endWaiting().endState()
                    .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error")
                    .withStartedAt("2026-11-21T02:57:58Z").withFinishedAt(INCIDENT_TIME).endTerminated().endLastState()
                    .build();
        }
        if (oomKilled) {
            return status.withReady(false).withStarted(false).withRestartCount(4)
                    .withNewState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                    .withStartedAt("2026-11-21T02:41:07Z").withFinishedAt("2026-11-21T02:55:40Z").endTerminated().endState()
                    .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                    .withStartedAt("2026-11-21T02:20:13Z").withFinishedAt("2026-11-21T02:41:05Z").endTerminated().endLastState()
                    .build();
        }
        return status.withReady(true).withStarted(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(STARTED_TIME).endRunning().endState().build();
    }

    private void addServices(Map<String, String> web) {
        for (String name : List.of(CHECKOUT, CART, CATALOG)) {
            objects.add(new ServiceBuilder().withNewMetadata().withNamespace(SHOP).withName(name).withLabels(web)
                    .addToLabels("app", name).endMetadata()
                    .withNewSpec().withType("ClusterIP").addToSelector("app", name)
                    .addNewPort().withName("http").withPort(80).withNewTargetPort(8080).endPort().endSpec().build());
        }
        // Public LoadBalancer without the internal-LB annotation and without team/cost-center labels.
        objects.add(new ServiceBuilder().withNewMetadata().withNamespace(SHOP).withName(FRONTEND).addToLabels("app", FRONTEND)
                .endMetadata()
                .withNewSpec().withType("LoadBalancer").addToSelector("app", FRONTEND)
                .addNewPort().withName("https").withPort(443).withNewTargetPort(8443).endPort().endSpec().build());
    }

    private void addSecret() {
        Base64.Encoder base64 = Base64.getEncoder();
        objects.add(new SecretBuilder().withNewMetadata().withNamespace(PAYMENTS).withName(PAYMENTS_SECRET)
                .addToLabels("app", PAYMENTS_API).addToLabels("team", "payments").addToLabels("cost-center", "cc-pay-2210")
                .endMetadata().withType("Opaque")
                .addToData("username", base64.encodeToString("ledger_svc".getBytes(StandardCharsets.UTF_8)))
                .addToData("password", base64.encodeToString("sandbox-not-a-real-password-7Qx".getBytes(StandardCharsets.UTF_8)))
                .addToData("url", base64.encodeToString("postgres://payments-db.payments:5432/ledger".getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    private void addAgents(Map<String, String> sre) {
        objects.add(new RoleBuilder().withNewMetadata().withNamespace(SHOP).withName("ringside-agent").endMetadata()
                .withRules(agentRules()).build());
        objects.add(new RoleBuilder().withNewMetadata().withNamespace(PAYMENTS).withName("ringside-agent").endMetadata()
                .withRules(agentRules()).build());
        objects.add(new ClusterRoleBuilder().withNewMetadata().withName("ringside-agent-nodes").endMetadata()
                .addToRules(new PolicyRuleBuilder().withApiGroups("").withResources("nodes").withVerbs("get", "list", "patch").build())
                .build());
        List<Subject> subjects = new ArrayList<>();
        List<String> agentHashes = List.of("6b8c7d9f5", "7f9b6c5d8", "5c7d8f6b9");
        List<String> agentSuffixes = List.of("p4k7v", "x9r2m", "t3n8w");
        for (int i = 0; i < AGENT_SERVICE_ACCOUNTS.size(); i++) {
            String agent = AGENT_SERVICE_ACCOUNTS.get(i);
            objects.add(new ServiceAccountBuilder().withNewMetadata().withNamespace(AGENTS).withName(agent)
                    .addToLabels(AGENT_SELECTOR_KEY, "true").endMetadata().build());
            Subject subject = new SubjectBuilder().withKind("ServiceAccount").withName(agent).withNamespace(AGENTS).build();
            subjects.add(subject);
            for (String ns : List.of(SHOP, PAYMENTS)) {
                objects.add(new RoleBindingBuilder().withNewMetadata().withNamespace(ns).withName(agent)
                        .addToLabels(AGENT_SELECTOR_KEY, "true").endMetadata()
                        .withSubjects(subject).withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
                        .withName("ringside-agent").endRoleRef().build());
            }
            Map<String, String> labels = new LinkedHashMap<>(sre);
            labels.put(AGENT_SELECTOR_KEY, "true");
            App app = new App(AGENTS, agent, 1, List.of(new Revision(1, "registry.ringside.dev/agent-runtime:0.1.0",
                    agentHashes.get(i), "deploy " + agent)), List.of(agentSuffixes.get(i)), labels, "512Mi");
            addApp(app);
        }
        objects.add(new ClusterRoleBindingBuilder().withNewMetadata().withName(AGENT_CLUSTER_ROLE_BINDING)
                .addToLabels(AGENT_SELECTOR_KEY, "true").endMetadata()
                .withSubjects(subjects).withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName("ringside-agent-nodes").endRoleRef().build());
    }

    private void addThirdPartyAgent(Map<String, String> sre) {
        Map<String, String> labels = new LinkedHashMap<>(sre);
        labels.put(AGENT_SELECTOR_KEY, "true");
        String[] vendor = THIRD_PARTY_SELECTOR.split("=", 2);
        labels.put(vendor[0], vendor[1]);
        String hash = "triage-bot-5d7c9b8f6";
        PodTemplateSpec template = new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", THIRD_PARTY_AGENT)
                .endMetadata().withNewSpec().withServiceAccountName(THIRD_PARTY_AGENT).addNewContainer()
                .withName(THIRD_PARTY_AGENT).withImage("registry.vendor.example/triage-bot:4.2.1").endContainer().endSpec().build();
        objects.add(new ServiceAccountBuilder().withNewMetadata().withNamespace(THIRD_PARTY_NAMESPACE).withName(THIRD_PARTY_AGENT)
                .endMetadata().build());
        objects.add(new StatefulSetBuilder().withNewMetadata().withNamespace(THIRD_PARTY_NAMESPACE).withName(THIRD_PARTY_AGENT)
                .withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(1).withServiceName(THIRD_PARTY_AGENT)
                .withNewSelector().addToMatchLabels("app", THIRD_PARTY_AGENT).endSelector().withTemplate(template).endSpec()
                .withNewStatus().withReplicas(1).withReadyReplicas(1).withCurrentRevision(hash).endStatus().build());
        objects.add(new PodBuilder().withNewMetadata().withNamespace(THIRD_PARTY_NAMESPACE).withName(THIRD_PARTY_AGENT + "-0")
                .addToLabels("app", THIRD_PARTY_AGENT).addToLabels("controller-revision-hash", hash)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("StatefulSet").withName(THIRD_PARTY_AGENT)
                .withController(true).endOwnerReference().endMetadata()
                .withSpec(template.getSpec()).editSpec().withNodeName(NODES.getFirst()).endSpec()
                .withNewStatus().withPhase("Running").withStartTime(STARTED_TIME)
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName(THIRD_PARTY_AGENT).withImage("registry.vendor.example/triage-bot:4.2.1")
                .withReady(true).withStarted(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(STARTED_TIME).endRunning().endState().endContainerStatus()
                .endStatus().build());
        objects.add(new RoleBindingBuilder().withNewMetadata().withNamespace(SHOP).withName(THIRD_PARTY_BINDING).endMetadata()
                .addNewSubject().withKind("ServiceAccount").withName(THIRD_PARTY_AGENT).withNamespace(THIRD_PARTY_NAMESPACE)
                .endSubject().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("view")
                .endRoleRef().build());
        logs.put(THIRD_PARTY_NAMESPACE + "/" + THIRD_PARTY_AGENT + "-0", List.of(
                "2026-11-20T09:00:03.000Z INFO  triage-bot 4.2.1 watching namespace shop"));
    }

    private static List<io.fabric8.kubernetes.api.model.rbac.PolicyRule> agentRules() {
        return List.of(
                new PolicyRuleBuilder().withApiGroups("").withResources("pods", "pods/log", "events", "services", "configmaps")
                        .withVerbs("get", "list", "watch").build(),
                new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("delete", "patch").build(),
                new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments", "replicasets")
                        .withVerbs("get", "list", "watch", "patch", "update").build());
    }

    private void addEvents(App checkout) {
        int n = 0;
        for (String pod : checkout.podNames()) {
            objects.add(event("%s.18a9c3f2d1%02d".formatted(pod, n++), pod, "Warning", "BackOff",
                    "Back-off restarting failed container checkout in pod " + pod + "_shop", 42 + n));
            objects.add(event("%s.18a9c3f2d1%02d".formatted(pod, n++), pod, "Normal", "Pulled",
                    "Container image \"" + CHECKOUT_IMAGE_BAD + "\" already present on machine", 8));
        }
        objects.add(event(OOM_CART_POD + ".18a9c2e7b4a0", OOM_CART_POD, "Warning", "OOMKilling",
                "Memory cgroup out of memory: Killed process 4121 (java) total-vm:2817764kB, anon-rss:262144kB; "
                        + "container cart exceeded its 256Mi limit", 4));
    }

    private static HasMetadata event(String name, String pod, String type, String reason, String message, int count) {
        return new EventBuilder().withNewMetadata().withNamespace(SHOP).withName(name).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withNamespace(SHOP).withName(pod).withApiVersion("v1").endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withCount(count)
                .withFirstTimestamp("2026-11-21T02:31:40Z").withLastTimestamp(INCIDENT_TIME)
                .withNewSource().withComponent("kubelet").endSource().build();
    }

    private static List<String> checkoutLog() {
        return List.of(
                "2026-11-21T02:57:58.101Z INFO  [main] c.s.checkout.CheckoutApplication : Starting CheckoutApplication v2.4.0 using Java 21.0.5 with PID 1",
                "2026-11-21T02:57:58.233Z INFO  [main] c.s.checkout.CheckoutApplication : The following 1 profile is active: \"production\"",
                "2026-11-21T02:58:03.870Z INFO  [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat initialized with port 8080 (http)",
                "2026-11-21T02:58:06.552Z INFO  [main] c.s.checkout.payment.PaymentClient : Connecting to payments-api.payments.svc:80",
                PLANTED_LOG_LINE,
                "2026-11-21T02:58:11.902Z ERROR [main] o.s.boot.SpringApplication : Application run failed",
                "org.springframework.boot.context.properties.bind.BindException: Failed to bind property 'checkout.payment.timeout' to java.time.Duration",
                "    Property: checkout.payment.timeout",
                "    Value: \"30 seconds\"",
                "    Origin: class path resource [application-production.yaml] - 41:16",
                "    Reason: failed to convert java.lang.String to java.time.Duration (caused by java.lang.IllegalArgumentException: '30 seconds' is not a valid duration)",
                "\tat org.springframework.boot.context.properties.bind.Binder.handleBindError(Binder.java:392)",
                "\tat org.springframework.boot.context.properties.bind.Binder.bind(Binder.java:355)",
                "2026-11-21T02:58:11.915Z INFO  [main] c.s.checkout.CheckoutApplication : Shutting down: exit code 1");
    }

    private static List<String> cartOomLog() {
        return List.of(
                "2026-11-21T02:41:09.004Z INFO  [main] c.s.cart.CartApplication : Started CartApplication in 6.2 seconds",
                "2026-11-21T02:49:30.118Z WARN  [gc] c.s.cart.health.MemoryWatch : heap usage 81% of 256Mi (session cache 142Mi)",
                "2026-11-21T02:53:02.771Z WARN  [gc] c.s.cart.health.MemoryWatch : heap usage 93% of 256Mi (session cache 201Mi)",
                "2026-11-21T02:55:38.420Z WARN  [gc] c.s.cart.health.MemoryWatch : GC overhead 61% in last 30s; allocation stalls",
                "2026-11-21T02:55:39.982Z ERROR [http-nio-8080-exec-7] c.s.cart.session.SessionCache : cannot grow session cache: "
                        + "java.lang.OutOfMemoryError: Java heap space");
    }

    private static List<String> healthyLog(App app) {
        return List.of(
                "2026-11-20T09:00:04.000Z INFO  [main] " + app.name() + " : Started in 5.1 seconds",
                "2026-11-21T02:58:00.000Z INFO  [http] " + app.name() + " : GET /healthz 200 2ms");
    }
}
