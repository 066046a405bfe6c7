package dev.ringside.agent.guard;

/**
 * Short, visible quotes of the original text around a finding, for people reading flags. Control,
 * invisible and bidi characters are written as escapes ({@code \n}, {@code \u202E}) so that what
 * hid the injection is shown rather than obeyed by the screen that displays it.
 */
final class Excerpts {

    static final int MAX_LENGTH = 160;
    private static final int LEAD = 40;

    private Excerpts() {
    }

    static String around(String original, int start, int end) {
        int from = Math.max(0, Math.min(start, original.length()) - LEAD);
        if (from > 0 && Character.isLowSurrogate(original.charAt(from))) {
            from--;
        }
        StringBuilder out = new StringBuilder(MAX_LENGTH);
        if (from > 0) {
            out.append('…');
        }
        int i = from;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            String shown = visible(cp);
            if (out.length() + shown.length() > MAX_LENGTH - 1) {
                out.append('…');
                return out.toString();
            }
            out.append(shown);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String visible(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> {
                int type = Character.getType(cp);
                boolean hidden = Character.isISOControl(cp) || type == Character.FORMAT
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                        || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.SURROGATE
                        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE01EF);
                yield hidden ? String.format("\\u%04X", cp) : new String(Character.toChars(cp));
            }
        };
    }
}
