package dev.ringside.policy.command;

import java.util.Arrays;
import java.util.List;

/** {@code DROP TABLE}: SQL words that must appear next to each other, in this order. */
record SqlPattern(List<String> words) implements CommandPattern {

    SqlPattern {
        words = List.copyOf(words);
    }

    static SqlPattern parse(String pattern) {
        String text = TextNormalizer.normalize(pattern).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("SQL pattern is empty; write keywords such as \"DROP TABLE\"");
        }
        String[] words = text.split("[ \n]+");
        for (String word : words) {
            for (int i = 0; i < word.length(); i++) {
                if (!SqlTokenizer.isWordChar(word.charAt(i))) {
                    throw new IllegalArgumentException("SQL pattern \"" + pattern + "\" has '" + word
                            + "', which is not a SQL word; a pattern is keywords separated by spaces, as in \"DROP TABLE\"");
                }
            }
        }
        return new SqlPattern(Arrays.asList(words));
    }

    @Override
    public boolean matches(ScannedText text) {
        for (String word : words) {
            if (!text.mayContainSqlWord(word)) {
                return false;
            }
        }
        for (String[] reading : text.sqlReadings()) {
            if (containsRun(reading)) {
                return true;
            }
        }
        return false;
    }

    private boolean containsRun(String[] reading) {
        int last = reading.length - words.size();
        for (int start = 0; start <= last; start++) {
            int i = 0;
            while (i < words.size() && words.get(i).equals(reading[start + i])) {
                i++;
            }
            if (i == words.size()) {
                return true;
            }
        }
        return false;
    }
}
