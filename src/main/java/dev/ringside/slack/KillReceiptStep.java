package dev.ringside.slack;

import java.time.Instant;

/** One step of a kill as the receipt shows it: {@code status} is requested, confirmed or failed. */
public record KillReceiptStep(String name, String status, String detail, Instant at) {
}
