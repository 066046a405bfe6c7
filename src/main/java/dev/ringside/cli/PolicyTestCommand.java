package dev.ringside.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.Decision;
import dev.ringside.gate.Governance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs expected decisions against a policy, for a team's CI. Each case gets a fresh gate so cases
 * do not affect each other. Exit 1 when any case decides differently from what it expects.
 *
 * <pre>
 * cases:
 *   - name: rollback waits for a person
 *     call: {agent: crashloop-agent, tool: rollback_deployment, args: {namespace: shop, name: checkout, revision: 3}}
 *     expect: approval                 # allow | deny | approval | dry_run
 *     rule: approval/ring2             # optional: the rule that must decide
 * </pre>
 */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Check a policy against expected decisions (exit 1 on mismatch).")
final class PolicyTestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOption policy;

    @Option(names = "--cases", required = true, paramLabel = "FILE.yaml", description = "Cases: a list under 'cases:'.")
    Path casesFile;

    @Override
    public Integer call() throws IOException {
        JsonNode cases = readCases();
        PrintWriter out = spec.commandLine().getOut();
        int passed = 0;
        int failed = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonNode testCase = cases.get(i);
            String name = testCase.path("name").asText("case " + (i + 1));
            String where = casesFile + ": case " + (i + 1) + " (" + name + ")";
            String expected = testCase.path("expect").asText("");
            if (!java.util.Set.of("allow", "deny", "approval", "dry_run").contains(expected)) {
                throw new UserError(where + ": 'expect' must be allow, deny, approval or dry_run");
            }
            String expectedRule = testCase.hasNonNull("rule") ? testCase.get("rule").asText() : null;
            Governance governance = policy.decideOnly();
            if (governance.policy().state() instanceof ActivePolicy.Broken broken) {
                throw new UserError("no valid policy: " + broken.reason());
            }
            Decision decision;
            try {
                decision = governance.gate().decide(CallLine.fromJson(testCase.get("call"), where));
            } catch (CallLine.InvalidCall invalid) {
                throw new UserError(invalid.getMessage());
            }
            boolean ok = decision.kind().equals(expected) && (expectedRule == null || decision.rule().equals(expectedRule));
            if (ok) {
                passed++;
                out.println("PASS " + name);
            } else {
                failed++;
                out.println("FAIL " + name + ": expected " + expected + (expectedRule == null ? "" : " (" + expectedRule + ")")
                        + ", got " + decision.kind() + " (" + decision.rule() + "): " + decision.reason());
            }
        }
        out.println("policy test: " + cases.size() + " cases, " + passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private JsonNode readCases() throws IOException {
        if (!Files.isReadable(casesFile)) throw new UserError("cannot read cases file " + casesFile);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(casesFile, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new UserError(casesFile + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": not valid YAML: "
                    + e.getProblem());
        }
        JsonNode root = JSON.valueToTree(loaded);
        JsonNode cases = root == null ? null : root.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw new UserError(casesFile + ": expected a non-empty list under 'cases:'");
        }
        return cases;
    }
}
