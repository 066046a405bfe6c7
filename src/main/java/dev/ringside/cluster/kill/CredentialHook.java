package dev.ringside.cluster.kill;

import java.util.Set;

/**
 * The app's part of invalidating agent credentials: stop renewing (and, if it likes, drop) the
 * tokens it holds for these ServiceAccounts, e.g. {@code accounts -> agentClients.stopRenewal()}.
 * Called in the credentials step just before the ServiceAccounts are deleted (which invalidates
 * their bound tokens on a real cluster), on every attempt of every kill, so it must be idempotent;
 * an exception fails the attempt, which is then retried.
 */
@FunctionalInterface
public interface CredentialHook {
    void stop(Set<AgentAccount> accounts);

    /** For callers that hold no agent tokens themselves. */
    static CredentialHook none() {
        return accounts -> {
        };
    }
}
