package dev.ringside.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private static final String MINIMAL = """
            version: 1
            agents:
              - id: a
                ring: 1
                runbooks: [rb]
            runbooks:
              rb: {mode: live}
            actions:
              list_pods:
                ring: 0
            """;

    private static Policy parse(String yaml) throws PolicyException {
        return PolicyLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static PolicyException problemsOf(String yaml) {
        try {
            parse(yaml);
        } catch (PolicyException e) {
            return e;
        }
        throw new AssertionError("policy was accepted but should have been rejected");
    }

    @Test
    void defaultPolicyCoversTheDesignCatalogueAndAgents() throws PolicyException {
        Policy policy = PolicyLoader.loadDefault();
        assertThat(policy.agents().keySet()).containsExactlyInAnyOrder("crashloop-agent", "oom-agent", "compliance-agent");
        assertThat(policy.agents().values()).allSatisfy(agent -> assertThat(agent.ring()).isEqualTo(1));
        assertThat(policy.actions().keySet()).contains("list_pods", "list_deployments", "list_events", "get_pod_logs",
                "describe_deployment", "rollout_history", "delete_pod", "rollout_restart", "add_labels",
                "scale_deployment", "rollback_deployment", "set_image", "patch_resource", "get_secret", "cordon_node",
                "delete_deployment", "delete_pvc", "delete_namespace", "run_command");
        assertThat(policy.action("scale_deployment").orElseThrow().ring()).isEqualTo(2);
        assertThat(policy.action("delete_pod").orElseThrow().ring()).isEqualTo(1);
        assertThat(policy.action("get_pod_logs").orElseThrow().ring()).isZero();
        assertThat(policy.source().sha256()).hasSize(64);
    }

    @Test
    void defaultPolicyForbidsTheDestructiveClassics() throws PolicyException {
        NeverAllowList never = PolicyLoader.loadDefault().neverAllow();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String command : new String[] {"kubectl delete deploy checkout", "kubectl delete namespace shop",
                "terraform destroy -auto-approve", "psql -c 'DROP TABLE orders'", "DROP DATABASE shop",
                "TRUNCATE orders", "aws s3 rm s3://backups --recursive", "kubectl delete pvc data-0",
                "kubectl delete crd widgets.example.com"}) {
            var args = json.createObjectNode().put("command", command);
            assertThat(never.firstMatch("run_command", args)).as(command).isPresent();
        }
        assertThat(never.size()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void minimalPolicyLoads() throws PolicyException {
        Policy policy = parse(MINIMAL);
        assertThat(policy.agent("a")).isPresent();
        assertThat(policy.approvals().ttl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void badRingNamesFileLineColumnAndTheFix() {
        PolicyException e = problemsOf(MINIMAL.replace("ring: 1", "ring: 3"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("test.yaml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).contains("agents[0].ring").contains("0 (read-only), 1 (low-risk writes) or 2");
        });
        assertThat(e.getMessage()).startsWith("test.yaml:4:11: ");
    }

    @Test
    void misspelledSectionIsRejectedNotIgnored() {
        PolicyException e = problemsOf(MINIMAL + "never_alow:\n  - {name: x, tool: delete_pod}\n");
        assertThat(e.getMessage()).contains("unknown key 'never_alow'").contains("never_allow");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = MINIMAL.replace("ring: 1", "ring: nine").replace("mode: live", "mode: maybe");
        assertThat(problemsOf(yaml).problems()).hasSize(2);
    }

    @Test
    void brokenYamlSyntaxIsLocated() {
        PolicyException e = problemsOf("agents:\n  - id: a\n   ring: [1\n");
        assertThat(e.problems().getFirst().line()).isPositive();
        assertThat(e.getMessage()).contains("not valid YAML");
    }

    @Test
    void emptyOrMissingFileFailsClosed(@TempDir Path dir) throws Exception {
        assertThat(problemsOf("").getMessage()).contains("empty");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> PolicyLoader.load(missing)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("cannot read the policy file");
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, MINIMAL);
        assertThat(PolicyLoader.load(file).source().name()).isEqualTo(file.toString());
    }

    @Test
    void duplicateKeysAreRejected() {
        String yaml = MINIMAL.replace("  list_pods:\n    ring: 0\n", "  list_pods:\n    ring: 0\n    ring: 1\n");
        assertThat(problemsOf(yaml).getMessage()).contains("duplicate key");
    }

    @Test
    void writeActionWithoutSchemaIsRejected() {
        String yaml = MINIMAL + "  delete_pod:\n    ring: 1\n";
        assertThat(problemsOf(yaml).getMessage()).contains("actions.delete_pod").contains("needs a 'schema'");
    }

    @Test
    void unsupportedSchemaKeywordIsRejectedSoNothingIsSilentlyUnchecked() {
        String yaml = MINIMAL.replace("    ring: 0\n", "    ring: 0\n    schema: {type: object, oneOf: []}\n");
        assertThat(problemsOf(yaml).getMessage()).contains("unknown key 'oneOf'");
    }

    @Test
    void expiryCanOnlyMeanDeny() {
        String yaml = MINIMAL + "approvals: {ttl: 10m, on_expiry: approve}\n";
        assertThat(problemsOf(yaml).getMessage()).contains("approvals.on_expiry").contains("only mean 'deny'");
    }

    @Test
    void agentRunbookMustBeDeclared() {
        String yaml = MINIMAL.replace("runbooks: [rb]", "runbooks: [other]");
        assertThat(problemsOf(yaml).getMessage()).contains("runbook 'other' is not declared");
    }

    @Test
    void badNeverAllowPatternIsRejected() {
        String yaml = MINIMAL + "never_allow:\n  - {name: x, command: ''}\n";
        assertThat(problemsOf(yaml).getMessage()).contains("never_allow[0]");
    }

    @Test
    void liveFromDateIsParsedAndChecked() throws PolicyException {
        Policy policy = parse(MINIMAL.replace("rb: {mode: live}", "rb: {mode: live, live_from: 2027-02-01}"));
        RunbookMode mode = policy.runbook("rb").orElseThrow();
        assertThat(mode.isLiveOn(java.time.LocalDate.parse("2027-01-31"))).isFalse();
        assertThat(mode.isLiveOn(java.time.LocalDate.parse("2027-02-01"))).isTrue();
        assertThat(problemsOf(MINIMAL.replace("rb: {mode: live}", "rb: {mode: live, live_from: soon}")).getMessage())
                .contains("expected a date like");
    }
}
