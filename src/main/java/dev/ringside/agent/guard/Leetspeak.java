package dev.ringside.agent.guard;

/**
 * Undoes the cheap letter-for-digit swaps ({@code 1gn0r3 pr3v10u$}). Only whole words that become
 * all letters are rewritten, so version numbers, hashes and pod suffixes such as {@code x2k4p}
 * stay as they are.
 */
final class Leetspeak {

    private Leetspeak() {
    }

    /** The letter a leetspeak symbol stands for, or 0 when it stands for none. */
    static char letterFor(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }

    /** The word with leetspeak undone when that leaves only letters (at least one of them real); else null. */
    static String undoInWord(String word) {
        int letters = 0;
        int swaps = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (letterFor(c) != 0) {
                swaps++;
            } else {
                return null;
            }
        }
        if (swaps == 0 || letters < 1) {
            return null;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(Character.isLetter(c) ? c : letterFor(c));
        }
        return out.toString();
    }
}
