package dev.ringside.cli;

import picocli.CommandLine.Command;

@Command(name = "policy", mixinStandardHelpOptions = true, description = "Check calls against a policy, or test a policy.",
        subcommands = {PolicyCheckCommand.class, PolicyTestCommand.class})
final class PolicyCommand extends ParentCommand {
}
