package dev.ringside.policy;

/** Where a policy came from and the SHA-256 of its bytes (shown in the status bar and journal). */
public record PolicySource(String name, String sha256) {
}
