package dev.ringside.cluster.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where the red-team harness hides a payload (names as in the red-team corpus). */
public enum PlantVector {
    POD_NAME("pod-name"),
    LOG_LINE("log-line"),
    EVENT_MESSAGE("event-message"),
    ANNOTATION("annotation"),
    /** A trigger payload, not a cluster object: planting it changes nothing in the cluster. */
    ALERT("alert");

    private final String corpusName;

    PlantVector(String corpusName) {
        this.corpusName = corpusName;
    }

    public String corpusName() {
        return corpusName;
    }

    public static PlantVector fromCorpusName(String name) {
        for (PlantVector vector : values()) {
            if (vector.corpusName.equals(name)) return vector;
        }
        throw new IllegalArgumentException("unknown plant vector '" + name + "'; expected one of "
                + Arrays.stream(values()).map(PlantVector::corpusName).collect(Collectors.joining(", ")));
    }
}
