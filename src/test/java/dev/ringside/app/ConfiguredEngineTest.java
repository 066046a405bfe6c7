package dev.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.agent.Incident;
import dev.ringside.app.config.ConfigLoader;
import dev.ringside.app.config.RingsideConfig;
import dev.ringside.journal.JournalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the configuration decides when the engine starts: the world, the journal, runbooks, Slack. */
class ConfiguredEngineTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-21T12:00:00.123Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private RingsideConfig parse(String yaml) throws ConfigLoader.ConfigException {
        return ConfigLoader.parse(home.resolve("ringside.yaml"), yaml, home, home.resolve("data"));
    }

    @Test
    void aSandboxSessionWritesAFreshJournalOfItsOwnNotTheClustersJournal() throws Exception {
        RingsideConfig config = parse("journal: {path: ~/state/journal.db, checkpoints: ~/audit, retention: 120d}\n");
        JournalOptions session = ConfiguredEngine.journalOptions(config, null, NOON);
        assertThat(session.db().getParent()).isEqualTo(home.resolve("state/sandbox"));
        assertThat(session.db().getFileName().toString()).startsWith("session-20261121-120000-123-").endsWith(".db");
        assertThat(session.checkpointDir()).as("not the real cluster's audit directory").isEqualTo(JournalOptions.defaultCheckpointDir(session.db()));
    }

    @Test
    void aRealClustersJournalIsTheConfiguredOneWithItsCheckpointsAndRetention() throws Exception {
        RingsideConfig config = parse("cluster: {sandbox: false}\njournal: {path: ~/state/journal.db, checkpoints: ~/audit, retention: 120d}\n");
        JournalOptions journal = ConfiguredEngine.journalOptions(config, null, NOON);
        assertThat(journal.db()).isEqualTo(home.resolve("state/journal.db"));
        assertThat(journal.checkpointDir()).isEqualTo(home.resolve("audit"));
        assertThat(journal.traceRetention()).isEqualTo(Duration.ofDays(120));
    }

    @Test
    void theCommandLinesJournalWinsWithItsCheckpointsBesideIt() throws Exception {
        RingsideConfig config = parse("journal: {path: ~/state/journal.db, checkpoints: ~/audit}\n");
        Path given = home.resolve("given.db");
        JournalOptions journal = ConfiguredEngine.journalOptions(config, given, NOON);
        assertThat(journal.db()).isEqualTo(given);
        assertThat(journal.checkpointDir()).isEqualTo(JournalOptions.defaultCheckpointDir(given));
    }

    @Test
    void noConfigurationMeansTheSandboxWithASessionJournalInTheDataDirectory() {
        try (Engine engine = ConfiguredEngine.start(RingsideConfig.defaults(home.resolve("data")), null, Map.of(), home)) {
            assertThat(engine.world()).isInstanceOf(SandboxWorld.class);
            assertThat(engine.world().contextName()).isEqualTo(SandboxWorld.CONTEXT_NAME);
            assertThat(engine.journal().options().db()).startsWith(home.resolve("data/sandbox"));
            assertThat(engine.slackState()).isEqualTo("not configured");
        }
    }

    @Test
    void extraRunbooksAreChosenBeforeTheBuiltInOnes() throws Exception {
        Path runbooks = Files.createDirectories(home.resolve("runbooks"));
        Files.writeString(runbooks.resolve("quiet-crashloop.yaml"), """
                id: quiet-crashloop
                title: Crash loops, looked at only
                agent: crashloop-agent
                trigger: {kind: crashloop}
                goal: Look at the crash-looping pods and change nothing.
                mode: dry-run
                ring_ceiling: 0
                planner: crashloop
                tools: [list_pods]
                """);
        try (Engine engine = ConfiguredEngine.start(parse("runbooks: ~/runbooks\n"), home.resolve("j.db"), Map.of(), home)) {
            assertThat(engine.runtime().runbookFor(new Incident("crashloop", "shop", "checkout", "x", "test", null)))
                    .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("quiet-crashloop"));
            assertThat(engine.runtime().runbookFor(new Incident("oomkilled", "shop", "cart", "x", "test", null)))
                    .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("oom-remediation"));
        }
    }

    @Test
    void anExtraRunbookReusingABuiltInIdStopsTheStartNamingIt() throws Exception {
        Path runbooks = Files.createDirectories(home.resolve("runbooks"));
        Files.writeString(runbooks.resolve("mine.yaml"), """
                id: crashloop-rollback
                title: Mine
                agent: crashloop-agent
                trigger: {kind: crashloop}
                goal: x
                mode: dry-run
                ring_ceiling: 0
                planner: crashloop
                tools: [list_pods]
                """);
        RingsideConfig config = parse("runbooks: ~/runbooks\n");
        assertThatThrownBy(() -> ConfiguredEngine.start(config, home.resolve("j.db"), Map.of(), home))
                .isInstanceOf(SetupException.class).hasMessageStartingWith("runbooks: runbook id 'crashloop-rollback' is used twice");
        assertThat(home.resolve("j.db")).doesNotExist();
    }

    @Test
    void slackConfiguredHalfWayStopsTheStart() throws Exception {
        RingsideConfig config = parse("slack: {api_url: \"https://slack.example/api/\"}\n");
        assertThatThrownBy(() -> ConfiguredEngine.start(config, home.resolve("j.db"), Map.of("SLACK_BOT_TOKEN", "xoxb-1"), home))
                .isInstanceOf(SetupException.class).hasMessageStartingWith("Slack: RINGSIDE_SLACK_CHANNEL is not set");
    }

    @Test
    void aRealClusterWithoutAKubeconfigSaysWhereItLooked() throws Exception {
        RingsideConfig config = parse("cluster: {sandbox: false}\n");
        assertThatThrownBy(() -> ConfiguredEngine.start(config, home.resolve("j.db"), Map.of(), home))
                .isInstanceOf(SetupException.class)
                .hasMessage("cluster.sandbox is false, but no kubeconfig at " + home.resolve(".kube/config")
                        + " and KUBECONFIG is not set; point KUBECONFIG at one, or set cluster.sandbox: true");
    }
}
