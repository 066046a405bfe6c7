package dev.ringside.cli;

import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the journal's audit chain.",
        subcommands = AuditVerifyCommand.class)
final class AuditCommand extends ParentCommand {
}
