package dev.ringside.policy.command;

/**
 * One never_allow entry of a policy, such as {@code {name: kubectl-delete-deployment, command:
 * "kubectl delete deployments"}} (SHELL) or {@code {name: sql-drop-table, sql: "DROP TABLE"}} (SQL).
 * The pattern is checked when the rule is made, so a policy with a bad pattern fails to load
 * instead of silently denying nothing.
 *
 * @throws IllegalArgumentException when a part is missing or the pattern cannot be read, saying why
 */
public record CommandRule(String name, Dialect dialect, String pattern) {

    public CommandRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("never_allow rule has no name; give each rule a name to report denials by");
        }
        if (dialect == null) {
            throw new IllegalArgumentException("never_allow rule '" + name + "' has no dialect; say whether it is a command or sql pattern");
        }
        if (pattern == null) {
            throw new IllegalArgumentException("never_allow rule '" + name + "' has no pattern");
        }
        try {
            CommandPattern.parse(dialect, pattern);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("never_allow rule '" + name + "': " + bad.getMessage(), bad);
        }
    }
}
