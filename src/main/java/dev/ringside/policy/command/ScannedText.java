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
    private String withoutQuotes;

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

    /**
     * A cheap first check for a SQL rule. Every SQL word is a run of the text with at most quotes
     * taken out ({@code DR''OP}), so a word missing here is missing from every reading.
     */
    boolean mayContainSqlWord(String word) {
        if (withoutQuotes == null) {
            withoutQuotes = removeQuotes(normalized);
        }
        return withoutQuotes.contains(word);
    }

    private static String removeQuotes(String text) {
        if (text.indexOf('\'') < 0 && text.indexOf('"') < 0 && text.indexOf('`') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\'' && c != '"' && c != '`') {
                out.append(c);
            }
        }
        return out.toString();
    }

    List<String[]> sqlReadings() {
        if (sqlReadings == null) {
            sqlReadings = SqlTokenizer.readings(normalized);
        }
        return sqlReadings;
    }
}
