package dev.ringside.agent.guard;

import dev.ringside.policy.command.TextNormalizer;

/**
 * Builds the three readings every detector works on, each mapped back to the original text:
 *
 * <ul>
 *   <li><b>folded</b>: {@link TextNormalizer} applied code point by code point (NFKC, invisible and
 *       bidi controls removed, homoglyphs to Latin, lowercase), so offsets survive;</li>
 *   <li><b>words</b>: the folded text as single-space separated words, with {@code " . "} where a
 *       sentence or line ends, and leetspeak undone inside words that are letters once undone;</li>
 *   <li><b>compact</b>: only the letters of the folded text, leetspeak undone, so that
 *       {@code i g n o r e}, {@code ig-nore} and {@code 1gn0r3} all read {@code ignore}.</li>
 * </ul>
 */
final class Readings {

    private Readings() {
    }

    static Reading folded(String original) {
        Reading.Builder out = new Reading.Builder(original.length());
        boolean previousAscii = false;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80) {
                out.append(foldAscii((char) cp), i, next);
                previousAscii = true;
            } else if (isCombiningMark(cp)) {
                // Decoration stacked on a letter (k̶ubectl) is dropped, as TextNormalizer does.
                if (!previousAscii) {
                    out.append(' ', i, next);
                }
            } else {
                String folded = TextNormalizer.normalize(new String(Character.toChars(cp)));
                if (folded.length() == 1) {
                    folded = String.valueOf(moreConfusables(folded.charAt(0)));
                }
                for (int k = 0; k < folded.length(); k++) {
                    out.append(folded.charAt(k), i, next);
                }
                previousAscii = !folded.isEmpty() && folded.charAt(folded.length() - 1) < 0x80;
            }
            i = next;
        }
        undoLeetspeak(out);
        return out.build();
    }

    /**
     * Look-alikes the policy's normaliser leaves alone because no command is spelled with them,
     * but that prose injections use: Greek eta for n, omega for w, small capitals.
     */
    private static char moreConfusables(char c) {
        return switch (c) {
            case '\u03B7', '\u0273', '\u0274' -> 'n';
            case '\u03C9', '\u0461', '\u1D21' -> 'w';
            case '\u0269', '\u026A' -> 'i';
            case '\u0280' -> 'r';
            case '\u1D00' -> 'a';
            case '\u1D07' -> 'e';
            case '\u1D0F' -> 'o';
            case '\u1D1B' -> 't';
            case '\u1D04' -> 'c';
            case '\u0262' -> 'g';
            case '\u029F' -> 'l';
            case '\u1D0D' -> 'm';
            case '\u0455' -> 's';
            default -> c;
        };
    }

    /** Rewrites words such as {@code 5ys7em} or {@code [ins7]} in place; char for char, so offsets hold. */
    private static void undoLeetspeak(Reading.Builder out) {
        int i = 0;
        while (i < out.length()) {
            if (!isWordChar(out.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < out.length() && isWordChar(out.charAt(i))) {
                i++;
            }
            String unleeted = Leetspeak.undoInWord(out.substring(start, i));
            if (unleeted != null) {
                out.replace(start, unleeted);
            }
        }
    }

    private static char foldAscii(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) {
            return '\n';
        }
        return c < 0x20 || c == 0x7F ? ' ' : c;
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** A word of the folded text, or a sentence boundary ({@code "."}), with its folded span and the gap before it. */
    private record Token(String text, int start, int end, int gapBefore) {
        boolean singleLetter() {
            return text.length() == 1 && Character.isLetter(text.charAt(0));
        }
    }

    static Reading words(Reading folded) {
        String text = folded.text();
        java.util.List<Token> tokens = new java.util.ArrayList<>();
        int i = 0;
        int gapStart = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i).replace("@", "").replace("$", "");
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, start, i, start - gapStart));
                }
                gapStart = i;
            } else {
                if (endsSentence(text, i)) {
                    tokens.add(new Token(".", i, i + 1, 0));
                    gapStart = i + 1;
                }
                i++;
            }
        }
        Reading.Builder out = new Reading.Builder(text.length() + 4);
        // The text's start is a sentence start, so an imperative in the first words reads as one.
        out.append(' ', 0, 0);
        out.append('.', 0, 0);
        out.append(' ', 0, 0);
        for (int t = 0; t < tokens.size(); ) {
            int run = spacedRunLength(tokens, t);
            if (run >= MIN_SPACED_LETTERS) {
                appendSpacedRun(out, folded, tokens.subList(t, t + run));
                t += run;
            } else {
                appendToken(out, folded, tokens.get(t));
                t++;
            }
        }
        return out.build();
    }

    /** Letters spaced out one by one ({@code i g n o r e}) are shorter than this only by accident. */
    private static final int MIN_SPACED_LETTERS = 4;

    private static int spacedRunLength(java.util.List<Token> tokens, int from) {
        int t = from;
        while (t < tokens.size() && tokens.get(t).singleLetter()) {
            t++;
        }
        return t - from;
    }

    /** Joins a run of single letters into words; a wider gap ({@code "  "}) between letters ends a word. */
    private static void appendSpacedRun(Reading.Builder out, Reading folded, java.util.List<Token> run) {
        for (int k = 0; k < run.size(); k++) {
            Token letter = run.get(k);
            if (k > 0 && letter.gapBefore() > 1) {
                out.append(' ', folded.originStart(letter.start()), folded.originStart(letter.start()));
            }
            out.append(letter.text().charAt(0), folded.originStart(letter.start()), folded.originEnd(letter.end()));
        }
        Token last = run.getLast();
        out.append(' ', folded.originEnd(last.end()), folded.originEnd(last.end()));
    }

    private static void appendToken(Reading.Builder out, Reading folded, Token token) {
        if (token.text().equals(".")) {
            int length = out.length();
            if (length >= 2 && out.charAt(length - 2) == '.' && out.charAt(length - 1) == ' ') {
                return;
            }
        }
        for (int k = 0; k < token.text().length(); k++) {
            // A word that lost '@' or '$' is shorter than its span; its chars then map to the whole word.
            boolean oneToOne = token.text().length() == token.end() - token.start();
            int from = oneToOne ? token.start() + k : token.start();
            int to = oneToOne ? token.start() + k + 1 : token.end();
            out.append(token.text().charAt(k), folded.originStart(from), folded.originEnd(to));
        }
        out.append(' ', folded.originEnd(token.end()), folded.originEnd(token.end()));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    /** Sentence ends are kept so an instruction can be told from a clause in the middle of a log message. */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n' || c == '!' || c == '?' || c == ';' || c == '|' || c == '>' || c == '"' || c == '=') {
            return true;
        }
        if (c == '.' || c == ':' || c == ',') {
            // "checkout.shop.svc" and "system:serviceaccount" are names, not sentence ends.
            return i + 1 >= text.length() || !isWordChar(text.charAt(i + 1));
        }
        return false;
    }

    static Reading compact(Reading folded) {
        String text = folded.text();
        Reading.Builder out = new Reading.Builder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char letter = Character.isLetter(c) ? c : Leetspeak.letterFor(c);
            if (letter != 0) {
                out.append(letter, folded.originStart(i), folded.originEnd(i + 1));
            }
        }
        return out.build();
    }
}
