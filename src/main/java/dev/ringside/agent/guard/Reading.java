package dev.ringside.agent.guard;

/**
 * A derived copy of the original text (folded, split into words, compacted, decoded) that remembers,
 * for each of its chars, which original chars it came from. Detectors match on the copy and report
 * spans of the original, so an excerpt shows what the cluster really said.
 */
final class Reading {

    private final String text;
    private final int[] originStart;
    private final int[] originEnd;

    Reading(String text, int[] originStart, int[] originEnd) {
        this.text = text;
        this.originStart = originStart;
        this.originEnd = originEnd;
    }

    String text() {
        return text;
    }

    /** The original index where the char at {@code index} of this reading begins. */
    int originStart(int index) {
        return originStart[Math.min(index, text.length() - 1)];
    }

    /** The original index just after the char before {@code endExclusive} of this reading. */
    int originEnd(int endExclusive) {
        return originEnd[Math.max(0, endExclusive - 1)];
    }

    /** Accumulates a reading char by char. */
    static final class Builder {
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            starts = new int[Math.max(16, capacity)];
            ends = new int[starts.length];
        }

        void append(char c, int originStart, int originEnd) {
            int at = text.length();
            if (at == starts.length) {
                starts = java.util.Arrays.copyOf(starts, at * 2);
                ends = java.util.Arrays.copyOf(ends, at * 2);
            }
            text.append(c);
            starts[at] = originStart;
            ends[at] = originEnd;
        }

        String substring(int start, int end) {
            return text.substring(start, end);
        }

        /** Overwrites chars from {@code start} with {@code chars}, keeping their origins. */
        void replace(int start, String chars) {
            for (int k = 0; k < chars.length(); k++) {
                text.setCharAt(start + k, chars.charAt(k));
            }
        }

        int length() {
            return text.length();
        }

        char charAt(int index) {
            return text.charAt(index);
        }

        Reading build() {
            return new Reading(text.toString(), starts, ends);
        }
    }
}
