package dev.ringside.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.cluster.PlannedWrite.Delete;
import dev.ringside.cluster.PlannedWrite.Replace;
import dev.ringside.gate.Preview.FieldChange;
import dev.ringside.gate.ToolFailure;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Plans each write tool against the target's current state: the new version of the object (or its
 * deletion), the objects it affects and every field before and after. Planning changes nothing.
 */
final class ClusterWrites {
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;
    private final Clock clock;

    ClusterWrites(KubernetesClient client, Clock clock) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
        this.clock = clock;
    }

    PlannedWrite deletePod(ToolArgs args) throws ToolFailure {
        ObjectRef ref = new ObjectRef("Pod", args.text("namespace"), args.text("name"));
        Pod pod = client.pods().inNamespace(ref.namespace()).withName(ref.name()).get();
        if (pod == null) throw new ToolFailure(ref.spoken() + " not found");
        return deletion(ref, pod, List.of(ref.toString()));
    }

    PlannedWrite rolloutRestart(ToolArgs args) throws ToolFailure {
        Deployment before = Targets.deployment(client, args.text("namespace"), args.text("name"));
        Deployment after = serialization.clone(before);
        PodTemplateSpec template = after.getSpec().getTemplate();
        Map<String, String> annotations = template.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(template.getMetadata().getAnnotations());
        annotations.put(RESTARTED_AT, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        template.getMetadata().setAnnotations(annotations);
        return replacement(deploymentRef(before), before, after, withPods(before, Targets.pods(client, before)));
    }

    PlannedWrite addLabels(ToolArgs args) throws ToolFailure {
        LabelableKind kind = LabelableKind.of(args.tool(), args.text("kind"));
        ObjectRef ref = kind.ref(args.text("namespace"), args.text("name"));
        Map<String, String> labels = args.stringMap("labels");
        HasMetadata before = kind.get(client, ref);
        HasMetadata after = serialization.clone(before);
        Map<String, String> merged = after.getMetadata().getLabels() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(after.getMetadata().getLabels());
        merged.putAll(labels);
        after.getMetadata().setLabels(merged);
        return replacement(ref, before, after, List.of(ref.toString()));
    }

    PlannedWrite scaleDeployment(ToolArgs args) throws ToolFailure {
        Deployment before = Targets.deployment(client, args.text("namespace"), args.text("name"));
        int replicas = args.integer("replicas");
        if (replicas < 0) throw new ToolFailure("scale_deployment: replicas must be 0 or more");
        Deployment after = serialization.clone(before);
        after.getSpec().setReplicas(replicas);
        // The pods a scale-down removes: not-ready ones first, as the ReplicaSet controller prefers.
        List<Pod> pods = new ArrayList<>(Targets.pods(client, before));
        pods.sort(Comparator.comparing(ClusterWrites::ready).thenComparing(p -> p.getMetadata().getName(), Comparator.reverseOrder()));
        List<Pod> going = pods.subList(0, Math.max(0, pods.size() - replicas));
        return replacement(deploymentRef(before), before, after, withPods(before, going));
    }

    PlannedWrite rollbackDeployment(ToolArgs args) throws ToolFailure {
        Deployment before = Targets.deployment(client, args.text("namespace"), args.text("name"));
        int revision = args.integer("revision");
        List<ReplicaSet> history = Targets.revisions(client, before);
        ReplicaSet target = history.stream().filter(rs -> Targets.revisionOf(rs) == revision).findFirst()
                .orElseThrow(() -> new ToolFailure(deploymentRef(before).spoken() + " has no revision " + revision
                        + " (revisions: " + history.stream().map(rs -> String.valueOf(Targets.revisionOf(rs)))
                        .collect(Collectors.joining(", ")) + ")"));
        Deployment after = serialization.clone(before);
        // Like `kubectl rollout undo --to-revision`: the old ReplicaSet's pod template, minus its hash label.
        PodTemplateSpec template = serialization.clone(target.getSpec().getTemplate());
        if (template.getMetadata().getLabels() != null) {
            Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
            labels.remove("pod-template-hash");
            template.getMetadata().setLabels(labels);
        }
        after.getSpec().setTemplate(template);
        return replacement(deploymentRef(before), before, after, withPods(before, Targets.pods(client, before)));
    }

    PlannedWrite setImage(ToolArgs args) throws ToolFailure {
        Deployment before = Targets.deployment(client, args.text("namespace"), args.text("name"));
        String container = args.text("container");
        String image = args.text("image");
        Deployment after = serialization.clone(before);
        List<Container> containers = after.getSpec().getTemplate().getSpec().getContainers();
        Container found = containers.stream().filter(c -> container.equals(c.getName())).findFirst()
                .orElseThrow(() -> new ToolFailure(deploymentRef(before).spoken() + " has no container '" + container
                        + "' (containers: " + containers.stream().map(Container::getName).collect(Collectors.joining(", ")) + ")"));
        found.setImage(image);
        return replacement(deploymentRef(before), before, after, withPods(before, Targets.pods(client, before)));
    }

    PlannedWrite patchResource(ToolArgs args) throws ToolFailure {
        LabelableKind kind = LabelableKind.of(args.tool(), args.text("kind"));
        ObjectRef ref = kind.ref(args.text("namespace"), args.text("name"));
        JsonNode patch = args.object("patch");
        HasMetadata before = kind.get(client, ref);
        ObjectNode beforeJson = JSON.valueToTree(before);
        JsonNode merged = JsonMergePatch.apply(beforeJson, patch);
        JsonNode metadata = merged.path("metadata");
        if (!ref.name().equals(metadata.path("name").asText()) || !Objects.equals(before.getMetadata().getNamespace(),
                metadata.path("namespace").isMissingNode() ? null : metadata.path("namespace").asText())) {
            throw new ToolFailure("patch_resource: a patch may not rename or move " + ref.spoken());
        }
        if (!beforeJson.path("kind").equals(merged.path("kind")) || !beforeJson.path("apiVersion").equals(merged.path("apiVersion"))) {
            throw new ToolFailure("patch_resource: a patch may not change the kind or apiVersion of " + ref.spoken());
        }
        // The version read here is the one the server must still have when the patch lands.
        ((ObjectNode) metadata).put("resourceVersion", before.getMetadata().getResourceVersion());
        HasMetadata after = serialization.unmarshal(merged.toString(), kind.type());
        return replacement(ref, before, after, List.of(ref.toString()));
    }

    PlannedWrite cordonNode(ToolArgs args) throws ToolFailure {
        ObjectRef ref = ObjectRef.clusterScoped("Node", args.text("name"));
        Node before = client.nodes().withName(ref.name()).get();
        if (before == null) throw new ToolFailure(ref.spoken() + " not found");
        Node after = serialization.clone(before);
        after.getSpec().setUnschedulable(true);
        return replacement(ref, before, after, List.of(ref.toString()));
    }

    PlannedWrite deleteDeployment(ToolArgs args) throws ToolFailure {
        Deployment before = Targets.deployment(client, args.text("namespace"), args.text("name"));
        List<String> affected = new ArrayList<>();
        affected.add(deploymentRef(before).toString());
        Targets.revisions(client, before).forEach(rs -> affected.add(
                new ObjectRef("ReplicaSet", rs.getMetadata().getNamespace(), rs.getMetadata().getName()).toString()));
        Targets.pods(client, before).forEach(p -> affected.add(
                new ObjectRef("Pod", p.getMetadata().getNamespace(), p.getMetadata().getName()).toString()));
        return deletion(deploymentRef(before), before, affected);
    }

    PlannedWrite deletePvc(ToolArgs args) throws ToolFailure {
        ObjectRef ref = new ObjectRef("PersistentVolumeClaim", args.text("namespace"), args.text("name"));
        PersistentVolumeClaim pvc = client.persistentVolumeClaims().inNamespace(ref.namespace()).withName(ref.name()).get();
        if (pvc == null) throw new ToolFailure(ref.spoken() + " not found");
        return deletion(ref, pvc, List.of(ref.toString()));
    }

    PlannedWrite deleteNamespace(ToolArgs args) throws ToolFailure {
        ObjectRef ref = ObjectRef.clusterScoped("Namespace", args.text("name"));
        Namespace namespace = client.namespaces().withName(ref.name()).get();
        if (namespace == null) throw new ToolFailure(ref.spoken() + " not found");
        List<String> affected = new ArrayList<>();
        affected.add(ref.toString());
        List<HasMetadata> contents = new ArrayList<>();
        contents.addAll(client.apps().deployments().inNamespace(ref.name()).list().getItems());
        contents.addAll(client.apps().statefulSets().inNamespace(ref.name()).list().getItems());
        contents.addAll(client.pods().inNamespace(ref.name()).list().getItems());
        contents.addAll(client.services().inNamespace(ref.name()).list().getItems());
        contents.addAll(client.persistentVolumeClaims().inNamespace(ref.name()).list().getItems());
        contents.addAll(client.secrets().inNamespace(ref.name()).list().getItems());
        contents.forEach(o -> affected.add(new ObjectRef(o.getKind(), ref.name(), o.getMetadata().getName()).toString()));
        return deletion(ref, namespace, affected);
    }

    private PlannedWrite replacement(ObjectRef ref, HasMetadata before, HasMetadata after, List<String> affected) {
        List<FieldChange> changes = ObjectDiff.between(ref, before, after);
        return new PlannedWrite(ref, before.getMetadata().getResourceVersion(), affected, changes, new Replace(after));
    }

    private static PlannedWrite deletion(ObjectRef ref, HasMetadata before, List<String> affected) {
        return new PlannedWrite(ref, before.getMetadata().getResourceVersion(), affected,
                List.of(new FieldChange(ref.toString(), "object", "present", "deleted")), new Delete(before));
    }

    private static ObjectRef deploymentRef(Deployment deployment) {
        return new ObjectRef("Deployment", deployment.getMetadata().getNamespace(), deployment.getMetadata().getName());
    }

    private static List<String> withPods(Deployment deployment, List<Pod> pods) {
        List<String> affected = new ArrayList<>();
        affected.add(deploymentRef(deployment).toString());
        pods.forEach(p -> affected.add(new ObjectRef("Pod", p.getMetadata().getNamespace(), p.getMetadata().getName()).toString()));
        return affected;
    }

    private static boolean ready(Pod pod) {
        Map<String, Boolean> ready = new HashMap<>();
        if (pod.getStatus() != null) pod.getStatus().getContainerStatuses().forEach(s -> ready.put(s.getName(), s.getReady()));
        return !ready.isEmpty() && ready.values().stream().allMatch(Boolean.TRUE::equals);
    }
}
