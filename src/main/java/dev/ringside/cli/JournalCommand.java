package dev.ringside.cli;

import picocli.CommandLine.Command;

@Command(name = "journal", mixinStandardHelpOptions = true, description = "Read the journal.",
        subcommands = JournalExportCommand.class)
final class JournalCommand extends ParentCommand {
}
