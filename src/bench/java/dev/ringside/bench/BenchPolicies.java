package dev.ringside.bench;

import dev.ringside.policy.Policy;
import dev.ringside.policy.PolicyException;
import dev.ringside.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The built-in policy grown to a given number of never_allow rules, as a large real policy would be. */
final class BenchPolicies {

    private BenchPolicies() {
    }

    static Policy withNeverAllowRules(int total) throws IOException, PolicyException {
        String yaml;
        try (InputStream in = PolicyLoader.class.getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int existing = PolicyLoader.parse("default", yaml.getBytes(StandardCharsets.UTF_8)).neverAllow().size();
        StringBuilder extra = new StringBuilder("never_allow:\n");
        for (int i = 0; i < total - existing; i++) {
            switch (i % 3) {
                case 0 -> extra.append("  - {name: shell-").append(i).append(", command: tool").append(i)
                        .append(" purge --force}\n");
                case 1 -> extra.append("  - {name: kube-").append(i).append(", command: kubectl delete crd").append(i)
                        .append("}\n");
                default -> extra.append("  - {name: sql-").append(i).append(", sql: DROP INDEX idx").append(i).append("}\n");
            }
        }
        Policy policy = PolicyLoader.parse("bench", yaml.replace("never_allow:\n", extra.toString()).getBytes(StandardCharsets.UTF_8));
        if (policy.neverAllow().size() != total) {
            throw new IllegalStateException("expected " + total + " never_allow rules, got " + policy.neverAllow().size());
        }
        return policy;
    }
}
