package dev.ringside.agent.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named pattern matched on one reading of a text. Patterns are written without nested unbounded
 * repetition, so matching stays linear in the text's length whatever an attacker writes.
 */
record Cue(String name, int weight, Cue.On on, Pattern pattern) {

    /** The reading a cue is matched on. */
    enum On {
        FOLDED, WORDS, COMPACT
    }

    static Cue folded(String name, int weight, String regex) {
        return new Cue(name, weight, On.FOLDED, Pattern.compile(regex, Pattern.MULTILINE));
    }

    /** {@code regex} is matched on whole words: it must start and end at word edges. */
    static Cue words(String name, int weight, String regex) {
        return new Cue(name, weight, On.WORDS, Pattern.compile("(?<= )(?:" + regex + ")(?= )"));
    }

    static Cue compact(String name, int weight, String regex) {
        return new Cue(name, weight, On.COMPACT, Pattern.compile(regex));
    }

    void collect(Reading reading, List<Signal> into) {
        if (reading.text().isEmpty()) {
            return;
        }
        Matcher matcher = pattern.matcher(reading.text());
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue;
            }
            into.add(new Signal(name, weight, reading.originStart(matcher.start()), reading.originEnd(matcher.end())));
        }
    }
}
