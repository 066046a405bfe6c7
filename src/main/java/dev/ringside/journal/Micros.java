package dev.ringside.journal;

import java.time.Instant;

/** The journal stores times as microseconds since the epoch: exact, sortable, and cheap to hash. */
final class Micros {

    private Micros() {
    }

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
