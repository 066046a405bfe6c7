package dev.ringside.policy.command;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One simple command of a shell line, as tokens with their readings precomputed once, so each rule
 * only compares strings: the program name a token would run as, its canonical word, or its flag
 * name.
 */
final class SimpleCommand {

    /** Program name (basename, no {@code .exe}) per token; null for flags and expansion tails. */
    private final String[] programs;
    /** Canonical word per token; null for flags. */
    private final String[] words;
    /** Flag name (no dashes, no value) per token; null for words. */
    private final String[] flags;
    /** Whether a flag was written with one dash, where {@code -rf} may bundle {@code -r} and {@code -f}. */
    private final boolean[] singleDash;

    private SimpleCommand(String[] programs, String[] words, String[] flags, boolean[] singleDash) {
        this.programs = programs;
        this.words = words;
        this.flags = flags;
        this.singleDash = singleDash;
    }

    /** Reads raw shell tokens (quotes and escapes already removed). */
    static SimpleCommand of(List<String> tokens) {
        Builder builder = new Builder(tokens.size());
        for (String token : tokens) {
            String flag = flagName(token);
            if (flag != null) {
                builder.add(null, null, flag, token.charAt(1) != '-');
            } else {
                builder.addWord(token);
            }
        }
        return builder.build();
    }

    /** Collects token readings into arrays; {@code deploy/NAME} may add two entries for one token. */
    private static final class Builder implements Consumer<String> {
        private String[] programs;
        private String[] words;
        private String[] flags;
        private boolean[] singleDash;
        private int size;
        private String pendingProgram;

        Builder(int tokens) {
            programs = new String[tokens + 2];
            words = new String[tokens + 2];
            flags = new String[tokens + 2];
            singleDash = new boolean[tokens + 2];
        }

        void addWord(String token) {
            pendingProgram = programName(token);
            KubernetesResources.expand(token, this);
        }

        /** One piece of a word token; only the first piece may be a program, so a single token
         * never supplies both a program and the words after it. */
        @Override
        public void accept(String word) {
            add(pendingProgram, word, null, false);
            pendingProgram = null;
        }

        void add(String program, String word, String flag, boolean oneDash) {
            if (size == words.length) {
                int grown = size * 2;
                programs = Arrays.copyOf(programs, grown);
                words = Arrays.copyOf(words, grown);
                flags = Arrays.copyOf(flags, grown);
                singleDash = Arrays.copyOf(singleDash, grown);
            }
            programs[size] = program;
            words[size] = word;
            flags[size] = flag;
            singleDash[size] = oneDash;
            size++;
        }

        SimpleCommand build() {
            return new SimpleCommand(Arrays.copyOf(programs, size), Arrays.copyOf(words, size),
                    Arrays.copyOf(flags, size), Arrays.copyOf(singleDash, size));
        }
    }

    /** Adds every program name this command mentions to {@code names}. */
    void collectPrograms(Set<String> names) {
        for (String program : programs) {
            if (program != null) {
                names.add(program);
            }
        }
    }

    /** Index of the first token that runs {@code program}, or -1. */
    int indexOfProgram(String program) {
        for (int i = 0; i < programs.length; i++) {
            if (program.equals(programs[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code expected} occur in order (gaps allowed) among the words after {@code start}. */
    boolean hasWordsInOrderAfter(int start, List<String> expected) {
        int next = 0;
        for (int i = start + 1; i < words.length && next < expected.size(); i++) {
            if (expected.get(next).equals(words[i])) {
                next++;
            }
        }
        return next == expected.size();
    }

    /** Whether flag {@code name} is given after {@code start}, alone or bundled as in {@code -rf}. */
    boolean hasFlagAfter(int start, String name) {
        for (int i = start + 1; i < flags.length; i++) {
            String flag = flags[i];
            if (flag == null) {
                continue;
            }
            if (flag.equals(name) || (name.length() == 1 && singleDash[i] && flag.indexOf(name.charAt(0)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** The flag name of {@code --name=value} or {@code -n}, or null when the token is not a flag. */
    static String flagName(String token) {
        if (token.length() < 2 || token.charAt(0) != '-') {
            return null;
        }
        int start = 0;
        while (start < token.length() && token.charAt(start) == '-') {
            start++;
        }
        int end = token.indexOf('=', start);
        String name = token.substring(start, end < 0 ? token.length() : end);
        return name.isEmpty() ? null : name;
    }

    /** What a token would run as: {@code /usr/local/bin/kubectl.exe} runs {@code kubectl}. */
    static String programName(String token) {
        String base = token.substring(token.lastIndexOf('/') + 1);
        return base.endsWith(".exe") ? base.substring(0, base.length() - 4) : base;
    }
}
