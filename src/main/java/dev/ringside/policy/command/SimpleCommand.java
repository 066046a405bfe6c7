package dev.ringside.policy.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    private SimpleCommand(List<String> programs, List<String> words, List<String> flags, List<Boolean> singleDash) {
        int size = words.size();
        this.programs = programs.toArray(new String[size]);
        this.words = words.toArray(new String[size]);
        this.flags = flags.toArray(new String[size]);
        this.singleDash = new boolean[size];
        for (int i = 0; i < size; i++) {
            this.singleDash[i] = singleDash.get(i);
        }
    }

    /** Reads raw shell tokens (quotes and escapes already removed). */
    static SimpleCommand of(List<String> tokens) {
        List<String> programs = new ArrayList<>(tokens.size() + 2);
        List<String> words = new ArrayList<>(tokens.size() + 2);
        List<String> flags = new ArrayList<>(tokens.size() + 2);
        List<Boolean> singleDash = new ArrayList<>(tokens.size() + 2);
        for (String token : tokens) {
            String flag = flagName(token);
            if (flag != null) {
                programs.add(null);
                words.add(null);
                flags.add(flag);
                singleDash.add(token.charAt(1) != '-');
                continue;
            }
            String program = programName(token);
            int firstPiece = words.size();
            KubernetesResources.expand(token, word -> {
                // Only the first piece of deploy/NAME may be a program, so one token never
                // supplies both a program and the words after it.
                programs.add(words.size() == firstPiece ? program : null);
                words.add(word);
                flags.add(null);
                singleDash.add(false);
            });
        }
        return new SimpleCommand(programs, words, flags, singleDash);
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
