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
                for (int k = 0; k < folded.length(); k++) {
                    out.append(folded.charAt(k), i, next);
                }
                previousAscii = !folded.isEmpty() && folded.charAt(folded.length() - 1) < 0x80;
            }
            i = next;
        }
        return out.build();
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

    static Reading words(Reading folded) {
        String text = folded.text();
        Reading.Builder out = new Reading.Builder(text.length() + 2);
        // The text's start is a sentence start, so an imperative in the first words reads as one.
        out.append(' ', 0, 0);
        out.append('.', 0, 0);
        out.append(' ', 0, 0);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                appendWord(out, folded, text, start, i);
            } else {
                if (endsSentence(text, i)) {
                    appendBoundary(out, folded, i);
                }
                i++;
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ', lastOrigin(folded, text), lastOrigin(folded, text));
        }
        return out.build();
    }

    private static int lastOrigin(Reading folded, String text) {
        return text.isEmpty() ? 0 : folded.originEnd(text.length());
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    /** Sentence ends are kept so an instruction can be told from a clause in the middle of a log message. */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n' || c == '!' || c == '?' || c == ';' || c == '|' || c == '>' || c == '"' || c == '*' || c == '#') {
            return true;
        }
        if (c == '.' || c == ':' || c == ',') {
            // "checkout.shop.svc" and "system:serviceaccount" are names, not sentence ends.
            return i + 1 >= text.length() || !isWordChar(text.charAt(i + 1));
        }
        return false;
    }

    private static void appendBoundary(Reading.Builder out, Reading folded, int at) {
        int length = out.length();
        if (length >= 2 && out.charAt(length - 2) == '.' && out.charAt(length - 1) == ' ') {
            return;
        }
        int origin = folded.originStart(at);
        out.append('.', origin, folded.originEnd(at + 1));
        out.append(' ', origin, folded.originEnd(at + 1));
    }

    private static void appendWord(Reading.Builder out, Reading folded, String text, int start, int end) {
        String word = text.substring(start, end);
        String unleeted = Leetspeak.undoInWord(word);
        String written = unleeted != null ? unleeted : word.replace("@", "").replace("$", "");
        if (written.isEmpty()) {
            return;
        }
        // Leetspeak swaps one char for one char; a word that lost '@' or '$' maps to its whole span.
        boolean oneToOne = written.length() == end - start;
        for (int k = 0; k < written.length(); k++) {
            int from = oneToOne ? start + k : start;
            int to = oneToOne ? start + k + 1 : end;
            out.append(written.charAt(k), folded.originStart(from), folded.originEnd(to));
        }
        out.append(' ', folded.originEnd(end), folded.originEnd(end));
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
