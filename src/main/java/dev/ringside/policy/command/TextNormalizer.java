package dev.ringside.policy.command;

import java.text.Normalizer;
import java.util.Objects;

/**
 * Folds text an attacker controls into one plain, lowercase form so that look-alike spellings of a
 * word compare equal: NFKC (fullwidth and mathematical letters), invisible and bidi controls
 * removed, Cyrillic and Greek homoglyphs mapped to Latin, Unicode dashes, quotes and spaces mapped
 * to their ASCII forms, lowercased.
 *
 * <p>Line breaks survive as {@code '\n'} because they end shell commands and SQL line comments;
 * every other kind of space becomes {@code ' '}. Runs of spaces are kept as they are, so offsets
 * stay close to the input's.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Returns the folded form of {@code s}; returns {@code s} itself when it is already folded. */
    public static String normalize(String s) {
        Objects.requireNonNull(s, "text to normalise");
        boolean changes = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return normalizeUnicode(s);
            }
            if ((c < 0x20 && c != '\n') || c == 0x7F || (c >= 'A' && c <= 'Z')) {
                changes = true;
            }
        }
        return changes ? normalizeAscii(s) : s;
    }

    private static String normalizeAscii(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) fold(s.charAt(i));
        }
        return new String(out);
    }

    private static String normalizeUnicode(String s) {
        String composed = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean previousIsAscii = false;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            // A combining mark that NFKC could not compose onto an ASCII letter is decoration
            // (k̶ubectl); dropping it keeps the word readable as the word it imitates.
            if (previousIsAscii && isCombiningMark(cp)) {
                continue;
            }
            int folded = fold(cp);
            out.appendCodePoint(folded);
            previousIsAscii = folded < 0x80;
        }
        return out.toString();
    }

    /** Zero-width, bidi and other format controls, plus the invisible fillers attackers favour. */
    static boolean isInvisible(int cp) {
        if (Character.getType(cp) == Character.FORMAT) {
            return true; // U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF, U+00AD, ...
        }
        return cp == 0x00AD || cp == 0x180E || cp == 0x034F // soft hyphen, Mongolian vowel separator, CGJ
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x180B && cp <= 0x180F) // Mongolian free variation selectors
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || cp == 0x17B4 || cp == 0x17B5; // Khmer inherent vowels, render as nothing
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static int fold(int cp) {
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z') {
                return cp + ('a' - 'A');
            }
            if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C) {
                return '\n';
            }
            return cp < 0x20 || cp == 0x7F ? ' ' : cp;
        }
        int latin = Confusables.latinFor(cp);
        if (latin >= 0) {
            return latin;
        }
        return switch (cp) {
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D,
                 0x2043, 0x2E3A, 0x2E3B -> '-';
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x2039, 0x203A, 0x02BC, 0xFF07 -> '\'';
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB, 0xFF02 -> '"';
            case 0x02CB, 0xFF40 -> '`';
            case 0x0085, 0x2028, 0x2029 -> '\n';
            default -> {
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                    yield ' ';
                }
                // Character-wise lowercasing is Locale.ROOT lowercasing without the context rules
                // (final sigma, dotted capital I) that would turn one letter into two.
                yield Character.toLowerCase(cp);
            }
        };
    }
}
