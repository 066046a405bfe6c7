package dev.ringside.cluster.kill;

/** An agent's ServiceAccount: its cluster identity, whose tokens a kill invalidates. */
public record AgentAccount(String namespace, String name) {
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
