package dev.ringside.cli;

import picocli.CommandLine.Command;

@Command(name = "journal", mixinStandardHelpOptions = true, description = "Read the journal.",
        subcommands = JournalExportCommand.class)
final class JournalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
