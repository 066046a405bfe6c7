package dev.ringside.cli;

import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.ExecutionLedger;
import dev.ringside.gate.Governance;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --policy FILE}; without it, the built-in default policy. */
final class PolicyOption {

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (default: the built-in policy).")
    Path file;

    /** Governance that only decides: nothing is journaled and nothing can execute. */
    Governance decideOnly() {
        ExecutionLedger executesNothing = (digest, requestId) -> false;
        return new Governance(ActivePolicy.load(file), (runId, agent, event) -> { }, executesNothing, Clock.systemUTC());
    }
}
