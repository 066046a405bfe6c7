package dev.ringside.policy.command;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl delete deployments}, {@code aws s3 rm --recursive}: a program, then words that
 * must follow it in this order (other words may sit between them), and flags that must appear
 * somewhere after it, in any order and any form ({@code --f}, {@code --f=v}, {@code -f}).
 *
 * <p>The program may stand anywhere in a simple command, which sees through {@code sudo},
 * {@code env A=B}, {@code sh -c}, {@code xargs}, {@code timeout 5} and the like without listing them.
 */
record ShellPattern(String program, List<String> words, List<String> flags) implements CommandPattern {

    private static final String METACHARACTERS = ";&|()`$<>'\"\\{},\n";

    ShellPattern {
        words = List.copyOf(words);
        flags = List.copyOf(flags);
    }

    static ShellPattern parse(String pattern) {
        String text = TextNormalizer.normalize(pattern).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("SHELL pattern is empty; write a command such as \"kubectl delete deployments\"");
        }
        for (int i = 0; i < text.length(); i++) {
            if (METACHARACTERS.indexOf(text.charAt(i)) >= 0) {
                throw new IllegalArgumentException("SHELL pattern \"" + pattern + "\" contains '" + printable(text.charAt(i))
                        + "'; a pattern is one plain command (program, words, flags) without quotes, operators or lists");
            }
        }
        String[] tokens = text.split(" +");
        if (tokens[0].startsWith("-")) {
            throw new IllegalArgumentException("SHELL pattern \"" + pattern + "\" starts with the flag '" + tokens[0]
                    + "'; the first word must be the program, as in \"terraform apply -destroy\"");
        }
        String program = SimpleCommand.programName(tokens[0]);
        if (program.isEmpty()) {
            throw new IllegalArgumentException("SHELL pattern \"" + pattern + "\" names no program in '" + tokens[0] + "'");
        }
        List<String> words = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (!token.startsWith("-")) {
                KubernetesResources.expand(token, words::add);
                continue;
            }
            String flag = SimpleCommand.flagName(token);
            if (flag == null) {
                throw new IllegalArgumentException("SHELL pattern \"" + pattern + "\" has '" + token + "', which is not a flag");
            }
            if (token.indexOf('=') >= 0) {
                throw new IllegalArgumentException("SHELL pattern \"" + pattern + "\" gives a value in '" + token
                        + "'; flags are matched by name only, so write '" + token.substring(0, token.indexOf('=')) + "'");
            }
            flags.add(flag);
        }
        if (words.isEmpty() && flags.isEmpty()) {
            throw new IllegalArgumentException("SHELL pattern \"" + pattern + "\" names only the program '" + program
                    + "', which would deny every use of it; add the verb or flag to deny");
        }
        return new ShellPattern(program, words, flags);
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : String.valueOf(c);
    }

    @Override
    public boolean matches(ScannedText text) {
        if (!text.mentionsProgram(program)) {
            return false;
        }
        for (SimpleCommand command : text.commands()) {
            int start = command.indexOfProgram(program);
            // The first occurrence of the program sees the most tokens after it, so it is the
            // only one worth testing.
            if (start >= 0 && command.hasWordsInOrderAfter(start, words) && hasAllFlags(command, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasAllFlags(SimpleCommand command, int start) {
        for (String flag : flags) {
            if (!command.hasFlagAfter(start, flag)) {
                return false;
            }
        }
        return true;
    }
}
