package dev.ringside.agent.guard;

import java.text.Normalizer;

/**
 * Cleans a string for the model to read: NFKC, invisible and bidi controls removed, control
 * characters other than tab removed (line breaks become spaces, so words stay apart), and bounded
 * in length with a visible marker. Letters are not folded or lowercased: the model should see
 * names as the cluster spells them.
 */
final class DisplayText {

    private DisplayText() {
    }

    static String clean(String raw) {
        String composed = Normalizer.isNormalized(raw, Normalizer.Form.NFKC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = null;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            int width = Character.charCount(cp);
            String replacement = replacementFor(cp);
            if (replacement != null && out == null) {
                out = new StringBuilder(composed.length());
                out.append(composed, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i += width;
        }
        return out == null ? composed : out.toString();
    }

    /** What replaces {@code cp}: null to keep it, "" to drop it, " " for a line break. */
    private static String replacementFor(int cp) {
        if (cp == '\t') {
            return null;
        }
        if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            return " ";
        }
        if (Character.isISOControl(cp) || isInvisible(cp)) {
            return "";
        }
        return null;
    }

    private static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || cp == 0x034F || (cp >= 0x180B && cp <= 0x180F)
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x17B4 || cp == 0x17B5;
    }

    /** {@code text} cut to {@code max} chars and marked with how much was cut, never splitting a surrogate pair. */
    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…[truncated " + (text.length() - cut) + " chars]";
    }
}
