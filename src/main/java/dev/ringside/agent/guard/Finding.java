package dev.ringside.agent.guard;

/**
 * One suspected injection in a string: which detector saw it, a short visible excerpt of the
 * original text around it, and where it sits in the original string ({@code start} inclusive,
 * {@code end} exclusive, in UTF-16 chars).
 */
public record Finding(String detector, String excerpt, int start, int end) {

    public Finding {
        if (detector == null || detector.isBlank()) {
            throw new IllegalArgumentException("a finding names the detector that made it");
        }
        if (excerpt == null) {
            throw new IllegalArgumentException("a finding carries an excerpt, even an empty one");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("finding span [" + start + ", " + end + ") is not a span");
        }
    }
}
