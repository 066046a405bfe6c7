package dev.ringside.policy.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into SQL words. SQL engines disagree on comments and quotes, and an
 * attacker picks whichever disagreement hides a keyword from us; so when the text uses a comment
 * marker or a quote, it is read under every combination of the rules below, and a pattern that
 * matches any reading matches the text.
 *
 * <ul>
 *   <li>Block comments: closed by the first {@code *}{@code /} (MySQL), or nested (PostgreSQL).
 *       A MySQL executable comment {@code /*!50000 ... *}{@code /} is read as the SQL it runs.
 *   <li>Line comments: {@code --} before a space or line end is a comment everywhere; {@code --x}
 *       and {@code #} are comments, or not ({@code 1--1} is arithmetic in MySQL, {@code #} an
 *       operator in PostgreSQL).
 *   <li>Quotes and backticks: removed, so {@code "DR""OP"} (after shell concatenation) reads
 *       {@code drop}; or string delimiters, so a comment marker inside a string hides nothing.
 *       String contents are words either way: {@code EXECUTE 'DROP TABLE t'} runs them.
 * </ul>
 */
final class SqlTokenizer {

    private enum BlockComments { FIRST_CLOSE_ENDS, NESTED }

    private SqlTokenizer() {
    }

    /** Every reading of {@code normalized} as an array of words. */
    static List<String[]> readings(String normalized) {
        boolean hasBlock = normalized.contains("/*");
        boolean hasLine = normalized.contains("--") || normalized.indexOf('#') >= 0;
        boolean hasQuotes = normalized.indexOf('\'') >= 0 || normalized.indexOf('"') >= 0
                || normalized.indexOf('`') >= 0;
        List<String[]> readings = new ArrayList<>(1);
        for (BlockComments blocks : hasBlock ? BlockComments.values() : new BlockComments[] {BlockComments.NESTED}) {
            for (boolean lineComments : hasLine ? new boolean[] {true, false} : new boolean[] {true}) {
                for (boolean quotesDelimitStrings : hasQuotes ? new boolean[] {false, true} : new boolean[] {false}) {
                    readings.add(words(normalized, blocks, lineComments, quotesDelimitStrings));
                }
            }
        }
        return readings;
    }

    private static String[] words(String text, BlockComments blocks, boolean lineComments, boolean quotesDelimitStrings) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int length = text.length();
        int depth = 0;
        char openQuote = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            char next = i + 1 < length ? text.charAt(i + 1) : 0;
            if (openQuote != 0) {
                if (c == openQuote) {
                    openQuote = 0;
                    endWord(word, words);
                } else if (isWordChar(c)) {
                    word.append(c);
                } else {
                    endWord(word, words);
                }
                continue;
            }
            if (c == '/' && next == '*') {
                endWord(word, words);
                i++;
                if (depth == 0 && i + 1 < length && text.charAt(i + 1) == '!') {
                    i = skipExecutableCommentHeader(text, i + 1) - 1;
                } else if (depth == 0 || blocks == BlockComments.NESTED) {
                    depth++;
                }
                continue;
            }
            if (c == '*' && next == '/') {
                endWord(word, words);
                i++;
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if (c == '-' && next == '-' && (lineComments || isSpaceOrEnd(text, i + 2))
                    || c == '#' && lineComments) {
                endWord(word, words);
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? length : newline;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                if (quotesDelimitStrings) {
                    endWord(word, words);
                    openQuote = c;
                }
                continue;
            }
            if (isWordChar(c)) {
                word.append(c);
            } else {
                endWord(word, words);
            }
        }
        endWord(word, words);
        return words.toArray(String[]::new);
    }

    /** Skips the {@code !50001} of a MySQL executable comment; returns the index after it. */
    private static int skipExecutableCommentHeader(String text, int i) {
        if (i < text.length() && text.charAt(i) == '!') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static boolean isSpaceOrEnd(String text, int i) {
        return i >= text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\n';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static void endWord(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
