package dev.ringside.agent.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns cues into findings. Cues close to each other form a cluster; a cluster whose distinct cues
 * weigh {@link Signal#DECISIVE} or more together is a finding. Each cue counts once per cluster at
 * its heaviest, so one phrase read two ways ("delete the pod" as request and as imperative) is not
 * counted twice.
 */
final class SignalClusters {

    /** Cues further apart than this belong to different thoughts. */
    private static final int MAX_GAP = 160;

    /** A suspicious span: the cues that make it, the heaviest first, and where it lies. */
    record Cluster(List<String> cues, int start, int end, int focusStart, int focusEnd) {
    }

    private SignalClusters() {
    }

    static List<Cluster> decisive(List<Signal> signals) {
        if (signals.isEmpty()) {
            return List.of();
        }
        List<Signal> sorted = new ArrayList<>(signals);
        sorted.sort(Comparator.comparingInt(Signal::start).thenComparingInt(Signal::end));
        List<Cluster> clusters = new ArrayList<>();
        List<Signal> current = new ArrayList<>();
        int currentEnd = -1;
        for (Signal signal : sorted) {
            if (!current.isEmpty() && signal.start() - currentEnd > MAX_GAP) {
                score(current).ifPresent(clusters::add);
                current.clear();
            }
            current.add(signal);
            currentEnd = Math.max(currentEnd, signal.end());
        }
        score(current).ifPresent(clusters::add);
        return clusters;
    }

    /**
     * Cues that are two readings of one thing share a family and count once: a shell command
     * names the action it performs ({@code kubectl set image} is also "set image").
     */
    private static String family(String cue) {
        int encoded = cue.indexOf(':');
        String prefix = encoded >= 0 ? cue.substring(0, encoded + 1) : "";
        String name = cue.substring(prefix.length());
        return prefix + (name.equals("shell-command") ? "action-request" : name);
    }

    private static java.util.Optional<Cluster> score(List<Signal> signals) {
        Map<String, Signal> heaviest = new LinkedHashMap<>();
        for (Signal signal : signals) {
            heaviest.merge(family(signal.cue()), signal, (a, b) -> b.weight() > a.weight() ? b : a);
        }
        int total = 0;
        for (Signal signal : heaviest.values()) {
            total += signal.weight();
        }
        if (total < Signal.DECISIVE) {
            return java.util.Optional.empty();
        }
        List<Signal> ranked = new ArrayList<>(heaviest.values());
        ranked.sort(Comparator.comparingInt(Signal::weight).reversed().thenComparingInt(Signal::start));
        List<String> names = new ArrayList<>(ranked.size());
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (Signal signal : ranked) {
            if (signal.weight() > 0) {
                names.add(signal.cue());
                start = Math.min(start, signal.start());
                end = Math.max(end, signal.end());
            }
        }
        Signal focus = ranked.getFirst();
        return java.util.Optional.of(new Cluster(List.copyOf(names), start, end, focus.start(), focus.end()));
    }
}
