package dev.ringside.agent.guard;

import dev.ringside.policy.command.TextNormalizer;

/**
 * Tells whether a span was disguised with Unicode: invisible or bidi characters, or letters of
 * another script that fold to Latin. Named in the finding so people know why the text on their
 * screen looks harmless.
 */
final class UnicodeDisguise {

    private UnicodeDisguise() {
    }

    static boolean within(String text, int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, text.length()); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue;
            }
            if (Character.getType(cp) == Character.FORMAT) {
                return true;
            }
            String folded = TextNormalizer.normalize(new String(Character.toChars(cp)));
            if (folded.isEmpty() || (folded.length() == 1 && folded.charAt(0) < 0x80 && Character.isLetter(folded.charAt(0)))) {
                return true;
            }
        }
        return false;
    }
}
