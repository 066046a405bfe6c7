package dev.ringside.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.Decision;
import dev.ringside.gate.Governance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints the gate's decision for each call in a JSONL file, in order, as one session of the gate
 * would make them (so breaker limits apply across lines). A line that is not a valid call is
 * denied with rule {@code schema}. An unusable policy denies everything and exits 2.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Decide each call of a JSONL file: "
        + "{\"agent\":ID,\"tool\":NAME,\"args\":{...}} per line; prints {\"decision\",\"rule\",\"reason\"} per line.")
final class PolicyCheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOption policy;

    @Option(names = "--calls", required = true, paramLabel = "FILE.jsonl", description = "Calls to decide, one JSON object per line.")
    Path calls;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(calls)) throw new UserError("cannot read calls file " + calls);
        Governance governance = policy.decideOnly();
        PrintWriter out = spec.commandLine().getOut();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(calls, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) continue;
                ObjectNode result = JSON.createObjectNode();
                try {
                    Decision decision = governance.gate().decide(CallLine.parse(line, lineNumber));
                    result.put("decision", decision.kind()).put("rule", decision.rule()).put("reason", decision.reason());
                } catch (CallLine.InvalidCall invalid) {
                    result.put("decision", "deny").put("rule", "schema").put("reason", invalid.getMessage());
                }
                out.println(JSON.writeValueAsString(result));
            }
        }
        out.flush();
        if (governance.policy().state() instanceof ActivePolicy.Broken broken) {
            spec.commandLine().getErr().println("ringside: no valid policy, every call denied: " + broken.reason());
            return 2;
        }
        return 0;
    }
}
