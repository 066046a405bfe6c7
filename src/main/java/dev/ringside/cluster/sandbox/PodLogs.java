package dev.ringside.cluster.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the sandbox's pods "printed": lines per namespace/pod, served on {@code /log}. */
final class PodLogs {
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    List<String> lines(String namespace, String pod) {
        List<String> found = lines.get(namespace + "/" + pod);
        return found == null ? List.of() : List.copyOf(found);
    }

    void append(String namespace, String pod, String line) {
        lines.computeIfAbsent(namespace + "/" + pod, key -> new CopyOnWriteArrayList<>()).add(line);
    }

    /** Replaces every log with the given ones (keys "namespace/pod"). */
    void replaceAll(Map<String, List<String>> logs) {
        lines.clear();
        logs.forEach((key, value) -> lines.put(key, new CopyOnWriteArrayList<>(value)));
    }
}
