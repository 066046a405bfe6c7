package dev.ringside.agent.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds instruction-like content in text that should only be data: overrides of the model's
 * instructions, role and chat-template markers, tool calls and destructive shell commands,
 * claims of authority and imperative requests aimed at the agent, including their disguised forms
 * (look-alike letters, invisible characters, spaced or leetspeak letters, other languages, and
 * base64, hex, percent or backslash escapes one level deep).
 *
 * <p>Matching runs on a folded copy of the text and reports spans and excerpts of the original.
 * Every pattern is free of nested unbounded repetition, and text is scanned in windows of
 * {@value #WINDOW} chars, so a scan costs time linear in the text's length. Immutable and safe to
 * share between threads.
 */
public final class InjectionDetector {

    /** Chars scanned at once; longer texts are scanned window by window with an overlap. */
    public static final int WINDOW = 64 * 1024;
    private static final int OVERLAP = 1024;

    /**
     * Suspected injections in {@code text}, in order of position; empty for ordinary data.
     * Overlapping windows may see the same injection once each; it is reported once.
     */
    public List<Finding> scan(String text) {
        Objects.requireNonNull(text, "text to scan");
        if (text.length() <= WINDOW) {
            return findings(text, 0, text.length());
        }
        List<Finding> all = new ArrayList<>();
        int lastEnd = -1;
        for (int from = 0; from < text.length(); from += WINDOW - OVERLAP) {
            int to = Math.min(text.length(), from + WINDOW);
            for (Finding finding : findings(text, from, to)) {
                if (finding.start() >= lastEnd) {
                    all.add(finding);
                    lastEnd = finding.end();
                }
            }
            if (to == text.length()) {
                break;
            }
        }
        return List.copyOf(all);
    }

    private static List<Finding> findings(String text, int from, int to) {
        String window = text.substring(from, to);
        List<Signal> signals = new ArrayList<>();
        collect(window, signals, "");
        for (EncodedText.Decoded decoded : EncodedText.find(window)) {
            List<Signal> inner = new ArrayList<>();
            // One level only: a payload inside a decoded payload is not unwrapped again.
            collect(decoded.reading().text(), inner, decoded.encoding() + ":");
            int plainSignals = signals.size();
            for (Signal signal : inner) {
                Reading reading = decoded.reading();
                Signal mapped = new Signal(signal.cue(), signal.weight(),
                        reading.originStart(signal.start()), reading.originEnd(signal.end()));
                if (!alreadySeen(mapped, decoded.encoding(), signals.subList(0, plainSignals))) {
                    signals.add(mapped);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (SignalClusters.Cluster cluster : SignalClusters.decisive(signals)) {
            String detector = String.join("+", cluster.cues());
            if (UnicodeDisguise.within(window, cluster.start(), cluster.end())) {
                detector += "+unicode-disguise";
            }
            findings.add(new Finding(detector, Excerpts.around(text, from + cluster.focusStart(), from + cluster.focusEnd()),
                    from + cluster.start(), from + cluster.end()));
        }
        return findings;
    }

    /**
     * Whether a cue read in decoded text was already read in the plain text at the same place, as
     * happens when unescaping a text leaves most of it as it was; counting it twice would double
     * its weight.
     */
    private static boolean alreadySeen(Signal decoded, String encoding, List<Signal> plain) {
        String cue = decoded.cue().substring(encoding.length() + 1);
        for (Signal signal : plain) {
            if (signal.cue().equals(cue) && signal.start() < decoded.end() && decoded.start() < signal.end()) {
                return true;
            }
        }
        return false;
    }

    /** Adds the cues found in {@code text}, named with {@code prefix} (the encoding they hid in). */
    private static void collect(String text, List<Signal> into, String prefix) {
        Reading folded = Readings.folded(text);
        Reading words = Readings.words(folded);
        Reading compact = Readings.compact(folded);
        List<Signal> found = new ArrayList<>();
        for (Cue cue : InstructionCues.ALL) {
            switch (cue.on()) {
                case FOLDED -> cue.collect(folded, found);
                case WORDS -> cue.collect(words, found);
                case COMPACT -> cue.collect(compact, found);
            }
        }
        ShellCommands.collect(text, folded, found);
        for (Signal signal : found) {
            into.add(prefix.isEmpty() ? signal : new Signal(prefix + signal.cue(), signal.weight(), signal.start(), signal.end()));
        }
    }
}
