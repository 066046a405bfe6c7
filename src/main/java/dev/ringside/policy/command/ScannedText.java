package dev.ringside.policy.command;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One text, normalised and tokenised once for every rule of a scan. Readings are built on first
 * use, so a scanner with only SHELL rules never tokenises SQL. Not shared between threads: each
 * scan makes its own.
 */
final class ScannedText {

    private final String normalized;
    private List<SimpleCommand> commands;
    private Set<String> programs;
    private List<String[]> sqlReadings;

    ScannedText(String normalized) {
        this.normalized = normalized;
    }

    List<SimpleCommand> commands() {
        if (commands == null) {
            commands = ShellTokenizer.commands(normalized);
        }
        return commands;
    }

    /** A cheap first check for a shell rule: does any command mention its program at all? */
    boolean mentionsProgram(String program) {
        if (programs == null) {
            programs = new HashSet<>();
            for (SimpleCommand command : commands()) {
                command.collectPrograms(programs);
            }
        }
        return programs.contains(program);
    }

    List<String[]> sqlReadings() {
        if (sqlReadings == null) {
            sqlReadings = SqlTokenizer.readings(normalized);
        }
        return sqlReadings;
    }
}
