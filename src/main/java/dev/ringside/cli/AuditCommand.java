package dev.ringside.cli;

import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the journal's audit chain.",
        subcommands = AuditVerifyCommand.class)
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
