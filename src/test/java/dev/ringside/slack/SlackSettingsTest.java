package dev.ringside.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackSettingsTest {
    @TempDir
    Path dir;

    private Path tokenFile(String permissions, String content) throws Exception {
        Path file = dir.resolve("slack.env");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void settingsComeFromTheEnvironmentSlackSdksUse() {
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "RINGSIDE_SLACK_CHANNEL", "C123",
                "RINGSIDE_SLACK_API_URL", "https://slack-gov.com/api",
                "RINGSIDE_SLACK_APPROVERS", "U123ABC=alice@example.com, U456DEF=bob@example.com")).orElseThrow();

        assertThat(settings.botToken()).isEqualTo("xoxb-1");
        assertThat(settings.appToken()).isEqualTo("xapp-1");
        assertThat(settings.channel()).isEqualTo("C123");
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://slack-gov.com/api/"));
        assertThat(settings.approver("U123ABC")).contains("alice@example.com");
        assertThat(settings.approver("U456DEF")).contains("bob@example.com");
        assertThat(settings.approver("U999ZZZ")).isEmpty();
        assertThat(settings.interactive()).isTrue();
        assertThat(settings.witnessEvery()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theApiUrlDefaultsToSlacksOwn() {
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
                "RINGSIDE_SLACK_CHANNEL", "C123")).orElseThrow();
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
        assertThat(settings.interactive()).as("no app token: no Socket Mode").isFalse();
    }

    @Test
    void withoutABotTokenSlackIsOff() {
        assertThat(SlackSettings.fromEnvironment(Map.of("RINGSIDE_SLACK_CHANNEL", "C123"))).isEmpty();
    }

    @Test
    void aBotTokenWithoutAChannelIsAClearError() {
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .isInstanceOf(SlackSettingsException.class).hasMessageContaining("RINGSIDE_SLACK_CHANNEL is not set");
    }

    @Test
    void aMalformedApproverEntryNamesTheVariableAndTheExpectedForm() {
        assertThatThrownBy(() -> SlackSettings.parseApprovers("U123ABC=alice@example.com,bob"))
                .isInstanceOf(SlackSettingsException.class)
                .hasMessageContaining("RINGSIDE_SLACK_APPROVERS", "'bob'", "U123ABC=alice@example.com");
    }

    @Test
    void aTokenFileReadableByOthersIsRefusedNamingTheFileAndTheFix() throws Exception {
        Path file = tokenFile("rw-r--r--", "SLACK_BOT_TOKEN=xoxb-secret\n");

        assertThatThrownBy(() -> SlackSettings.from(Map.of("RINGSIDE_SLACK_CHANNEL", "C1"), file))
                .isInstanceOf(SlackSettingsException.class)
                .hasMessageContaining(file.toString(), "chmod 600 " + file, "rw-r--r--")
                .hasMessageNotContaining("xoxb-secret");
    }

    @Test
    void aGroupReadableTokenFileIsRefusedToo() throws Exception {
        Path file = tokenFile("rw-r-----", "SLACK_BOT_TOKEN=xoxb-secret\n");
        assertThatThrownBy(() -> SlackSettings.from(Map.of("RINGSIDE_SLACK_CHANNEL", "C1"), file))
                .isInstanceOf(SlackSettingsException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void anOwnerOnlyTokenFileSuppliesTokensAndTheEnvironmentWins() throws Exception {
        Path file = tokenFile("rw-------", """
                # Ringside's Slack app
                SLACK_BOT_TOKEN=xoxb-from-file
                SLACK_APP_TOKEN="xapp-from-file"
                RINGSIDE_SLACK_CHANNEL=C-file
                """);

        SlackSettings settings = SlackSettings.from(Map.of("RINGSIDE_SLACK_CHANNEL", "C-env"), file).orElseThrow();

        assertThat(settings.botToken()).isEqualTo("xoxb-from-file");
        assertThat(settings.appToken()).isEqualTo("xapp-from-file");
        assertThat(settings.channel()).isEqualTo("C-env");
    }

    @Test
    void aMalformedTokenFileLineIsReportedByLineWithoutEchoingIt() throws Exception {
        Path file = tokenFile("rw-------", "SLACK_BOT_TOKEN=xoxb-1\nxapp-bare-token\n");
        assertThatThrownBy(() -> SlackSettings.from(Map.of(), file))
                .isInstanceOf(SlackSettingsException.class).hasMessageContaining(file + ":2:")
                .hasMessageNotContaining("xapp-bare-token");
    }

    @Test
    void tokensNeverAppearWhenSettingsArePrinted() {
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-very-secret",
                "SLACK_APP_TOKEN", "xapp-also-secret", "RINGSIDE_SLACK_CHANNEL", "C1")).orElseThrow();
        assertThat(settings.toString()).doesNotContain("very-secret", "also-secret").contains("xoxb-***", "xapp-***");
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        SlackSettings.Retry retry = new SlackSettings.Retry(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(retry.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.after(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retry.after(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.after(60)).isEqualTo(Duration.ofSeconds(10));
    }
}
