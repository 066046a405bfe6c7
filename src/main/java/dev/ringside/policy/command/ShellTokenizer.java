package dev.ringside.policy.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into simple commands the way a shell would, closely enough that hiding
 * a command costs more than running it: quotes and backslashes vanish ({@code k"u"bectl},
 * {@code kube\ctl}), and {@code ; & | && ||}, newlines, parentheses and backticks end a command.
 *
 * <p>Command substitution is read twice: once as separate commands, once inline, so that
 * {@code $(echo kubectl) delete deploy x} still shows {@code kubectl} before {@code delete}.
 */
final class ShellTokenizer {

    private ShellTokenizer() {
    }

    static List<SimpleCommand> commands(String normalized) {
        List<SimpleCommand> commands = new ArrayList<>();
        split(normalized, true, commands);
        if (normalized.indexOf('`') >= 0 || normalized.indexOf('(') >= 0) {
            split(normalized, false, commands);
        }
        return commands;
    }

    private static void split(String text, boolean substitutionEndsCommand, List<SimpleCommand> commands) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                // Quotes group words; they never change what the words say.
                case '\'', '"' -> { }
                // An escape is dropped and the next character read as usual; an escaped newline
                // is a line continuation and joins the two lines.
                case '\\' -> {
                    if (i + 1 < length && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '$' -> i = skipExpansion(text, i, token, tokens);
                // { } and , cover brace expansion; , also kubectl's deploy,svc lists.
                case ' ', '{', '}', '<', '>', ',' -> endToken(token, tokens);
                case '\n', ';', '&', '|' -> {
                    endToken(token, tokens);
                    endCommand(tokens, commands);
                }
                case '`', '(', ')' -> {
                    endToken(token, tokens);
                    if (substitutionEndsCommand) {
                        endCommand(tokens, commands);
                    }
                }
                default -> token.append(c);
            }
        }
        endToken(token, tokens);
        endCommand(tokens, commands);
    }

    /**
     * Reads the parameter expansion at {@code dollar} and returns the index of its last character.
     * We cannot know a variable's value, so it reads as empty, the value an unset variable has:
     * {@code ku$@bectl} and {@code k${x}ubectl} run kubectl. {@code $IFS} reads as the space it
     * usually holds. {@code $(} is left for the parenthesis to end the command.
     */
    private static int skipExpansion(String text, int dollar, StringBuilder token, List<String> tokens) {
        int next = dollar + 1;
        if (next >= text.length()) {
            return dollar;
        }
        char c = text.charAt(next);
        if (c == '{') {
            int close = text.indexOf('}', next);
            if (close < 0) {
                endToken(token, tokens);
                return dollar;
            }
            if (text.startsWith("ifs", next + 1)) {
                endToken(token, tokens);
            }
            return close;
        }
        if (c == '_' || (c >= 'a' && c <= 'z')) {
            int end = next;
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            if (text.startsWith("ifs", next) && end - next == 3) {
                endToken(token, tokens);
            }
            return end - 1;
        }
        if ((c >= '0' && c <= '9') || "@*#?!$-".indexOf(c) >= 0) {
            return next;
        }
        return dollar;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static void endToken(StringBuilder token, List<String> tokens) {
        if (!token.isEmpty()) {
            tokens.add(token.toString());
            token.setLength(0);
        }
    }

    private static void endCommand(List<String> tokens, List<SimpleCommand> commands) {
        // A command needs a program and something to do; a lone word can never match.
        if (tokens.size() >= 2) {
            commands.add(SimpleCommand.of(tokens));
        }
        tokens.clear();
    }
}
