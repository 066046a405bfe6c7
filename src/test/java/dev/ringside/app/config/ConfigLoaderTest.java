package dev.ringside.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path home;

    private RingsideConfig parse(String yaml) throws ConfigLoader.ConfigException {
        return ConfigLoader.parse(home.resolve("ringside.yaml"), yaml, home, home.resolve("data"));
    }

    private String problemsOf(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigLoader.ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted a configuration that should be refused");
    }

    @Test
    void theShippedExampleIsValidAndMeansTheDefaults() throws Exception {
        RingsideConfig config = parse(Files.readString(Path.of("app/ringside.yaml")));
        assertThat(config.sandbox()).isTrue();
        assertThat(config.model().provider()).isEqualTo("offline");
        assertThat(config.agentSelector()).isEqualTo("ringside.dev/agent=true");
        assertThat(config.agentNamespace()).isEqualTo("ringside-agents");
        assertThat(config.journal()).isEqualTo(home.resolve(".local/share/ringside/journal.db"));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void noFileMeansTheDefaults() throws Exception {
        RingsideConfig config = ConfigLoader.load(home.resolve("missing.yaml"), home, home.resolve("data"));
        assertThat(config.journal()).isEqualTo(home.resolve("data/journal.db"));
        assertThat(config.source()).isNull();
    }

    @Test
    void everySettingIsRead() throws Exception {
        Files.writeString(home.resolve("policy.yaml"), "version: 1\n");
        Files.createDirectories(home.resolve("runbooks"));
        RingsideConfig config = parse("""
                cluster: {sandbox: false, context: prod-eu, namespaces: [shop], agent_namespace: sre-bots, agent_selector: team=agents}
                slack: {channel: "#oncall", api_url: "https://slack.gov.example/api/", token_file: ~/tokens, approvers: {U024BE7LH: alice@example.com}}
                model: {provider: openai, name: qwen2.5, base_url: "http://localhost:8000/v1", api_key_env: VLLM_KEY, timeout: 2m}
                policy: ~/policy.yaml
                runbooks: ~/runbooks
                journal: {path: /var/lib/ringside/j.db, checkpoints: /mnt/audit, retention: 180d}
                """);
        assertThat(config.sandbox()).isFalse();
        assertThat(config.context()).isEqualTo("prod-eu");
        assertThat(config.namespaces()).containsExactly("shop");
        assertThat(config.agentNamespace()).isEqualTo("sre-bots");
        assertThat(config.agentSelector()).isEqualTo("team=agents");
        assertThat(config.runbooks()).isEqualTo(home.resolve("runbooks"));
        assertThat(config.journal()).isEqualTo(Path.of("/var/lib/ringside/j.db"));
        assertThat(config.checkpoints()).isEqualTo(Path.of("/mnt/audit"));
        assertThat(config.slackTokenFile()).isEqualTo(home.resolve("tokens"));
        assertThat(config.slackApprovers()).isEqualTo(Map.of("U024BE7LH", "alice@example.com"));
        assertThat(config.model().timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.policy()).isEqualTo(home.resolve("policy.yaml"));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void aWrongSettingNamesTheKeyWhereItIsAndWhatIsAccepted() {
        assertThat(problemsOf("model:\n  provider: gpt\n")).contains("ringside.yaml:2:13").contains("model.provider")
                .contains("accepted: [anthropic, offline, ollama, openai]");
        assertThat(problemsOf("slak:\n  channel: x\n")).contains("unknown key 'slak'").contains("slack");
        assertThat(problemsOf("journal: {retention: 7d}\n")).contains("journal.retention").contains("at least 90d");
        assertThat(problemsOf("model: {provider: openai}\n")).contains("needs a model name");
        assertThat(problemsOf("slack: {approvers: {alice: a@example.com}}\n")).contains("Slack user ids look like");
        assertThat(problemsOf("cluster: {sandbox: maybe}\n")).contains("cluster.sandbox").contains("true or false");
        assertThat(problemsOf("cluster:\n  namespaces: [shop, Payments]\n")).contains("ringside.yaml:2:15")
                .contains("cluster.namespaces").contains("expected namespace names").contains("'Payments'");
        assertThat(problemsOf("cluster: {agent_namespace: ringside_agents}\n")).contains("cluster.agent_namespace")
                .contains("expected a namespace name").contains("'ringside_agents'");
        assertThat(problemsOf("policy: ~/no-such-policy.yaml\n")).contains("ringside.yaml:1:9").contains("policy")
                .contains("expected a policy file, but there is none at " + home.resolve("no-such-policy.yaml"));
        assertThat(problemsOf("runbooks: ~/no-such-dir\n")).contains("runbooks").contains("expected a directory of runbook YAML files");
    }

    @Test
    void theAgentNamespaceDefaultsToRingsideAgents() throws Exception {
        assertThat(parse("cluster: {sandbox: false}\n").agentNamespace()).isEqualTo("ringside-agents");
        assertThat(RingsideConfig.defaults(home).agentNamespace()).isEqualTo("ringside-agents");
    }

    @Test
    void sandboxSessionsKeepTheirJournalsBesideTheConfiguredOneNeverInIt() throws Exception {
        RingsideConfig config = parse("journal: {path: ~/state/journal.db}\n");
        assertThat(config.sandboxJournal("20261121-080000-000-42")).isEqualTo(home.resolve("state/sandbox/session-20261121-080000-000-42.db"));
    }

    @Test
    void brokenYamlIsLocated() {
        assertThatThrownBy(() -> parse("cluster: [\n")).isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void configurationLivesWhereEachPlatformExpects() {
        assertThat(ConfigLocations.configFile(Map.of(), "Linux", home)).isEqualTo(home.resolve(".config/ringside/ringside.yaml"));
        assertThat(ConfigLocations.configFile(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", home)).isEqualTo(Path.of("/x/ringside/ringside.yaml"));
        assertThat(ConfigLocations.configFile(Map.of(), "Mac OS X", home))
                .isEqualTo(home.resolve("Library/Application Support/Ringside/ringside.yaml"));
        assertThat(ConfigLocations.configFile(Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "Windows 11", home))
                .isEqualTo(Path.of("C:/Users/a/AppData/Roaming/Ringside/ringside.yaml"));
    }
}
