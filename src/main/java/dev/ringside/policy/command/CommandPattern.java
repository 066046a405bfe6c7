package dev.ringside.policy.command;

/** A never_allow pattern, parsed and ready to test against scanned text. */
sealed interface CommandPattern permits ShellPattern, SqlPattern {

    boolean matches(ScannedText text);

    /** Parses {@code pattern}; throws IllegalArgumentException saying what is wrong with it. */
    static CommandPattern parse(Dialect dialect, String pattern) {
        return switch (dialect) {
            case SHELL -> ShellPattern.parse(pattern);
            case SQL -> SqlPattern.parse(pattern);
        };
    }
}
