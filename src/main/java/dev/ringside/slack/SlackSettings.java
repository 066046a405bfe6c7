package dev.ringside.slack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Ringside talks to Slack, read the way Slack's own SDKs read it: from the environment
 * ({@value #BOT_TOKEN}, {@value #APP_TOKEN}, {@value #CHANNEL}, {@value #API_URL},
 * {@value #APPROVERS}), optionally completed by a token file that only its owner may read.
 * Tokens live here and in memory only: never in the policy, never in the journal, never in logs
 * ({@link #toString()} redacts them).
 *
 * @param appToken     Socket Mode token; null turns interactions (buttons, slash commands) off
 * @param apiUrl       Web API methods prefix, ending in {@code /} (GovSlack and tests point it elsewhere)
 * @param approvers    Slack user id → approver identity, e.g. {@code U123ABC → alice@example.com};
 *                     nobody else may approve, deny or kill from Slack
 * @param witnessEvery how often the audit chain's head is posted (besides at every kill)
 * @param retry        back-off for failed deliveries
 */
public record SlackSettings(String botToken, String appToken, String channel, URI apiUrl, Map<String, String> approvers,
                            Duration witnessEvery, Retry retry) {

    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String CHANNEL = "RINGSIDE_SLACK_CHANNEL";
    public static final String API_URL = "RINGSIDE_SLACK_API_URL";
    /** {@code U123ABC=alice@example.com,U456DEF=bob@example.com} */
    public static final String APPROVERS = "RINGSIDE_SLACK_APPROVERS";
    public static final URI SLACK_API = URI.create("https://slack.com/api/");
    public static final Duration DEFAULT_WITNESS_EVERY = Duration.ofHours(1);

    /** Exponential back-off from {@code first}, doubling per failed attempt, never above {@code max}. */
    public record Retry(Duration first, Duration max) {
        public static final Retry DEFAULT = new Retry(Duration.ofSeconds(1), Duration.ofMinutes(5));

        public Retry {
            if (!first.isPositive() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("retry needs 0 < first <= max, got " + first + " and " + max);
            }
        }

        public Duration after(int failedAttempts) {
            Duration wait = first;
            for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }

    public SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new SlackSettingsException(BOT_TOKEN + " is not set: give Ringside the bot token (xoxb-...) of its Slack app");
        }
        if (channel == null || channel.isBlank()) {
            throw new SlackSettingsException(CHANNEL + " is not set: name the channel id (C...) approvals and kill receipts go to");
        }
        appToken = appToken == null || appToken.isBlank() ? null : appToken.strip();
        botToken = botToken.strip();
        channel = channel.strip();
        apiUrl = apiUrl == null ? SLACK_API : apiUrl;
        if (!"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
            throw new SlackSettingsException(API_URL + " must be an http(s) URL such as " + SLACK_API + ", not '" + apiUrl + "'");
        }
        if (!apiUrl.toString().endsWith("/")) {
            apiUrl = URI.create(apiUrl + "/");
        }
        approvers = Map.copyOf(approvers == null ? Map.of() : approvers);
        witnessEvery = witnessEvery == null ? DEFAULT_WITNESS_EVERY : witnessEvery;
        if (!witnessEvery.isPositive()) {
            throw new SlackSettingsException("the audit witness interval must be positive, not " + witnessEvery);
        }
        retry = retry == null ? Retry.DEFAULT : retry;
    }

    /** Slack from the environment alone; empty when {@value #BOT_TOKEN} is not set at all (Slack is off). */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        return from(env, null);
    }

    /**
     * Slack from the environment and, if {@code tokenFile} is not null, a file of {@code NAME=value}
     * lines with the same names (the environment wins where both say something). Empty when no
     * bot token is set anywhere.
     *
     * @throws SlackSettingsException if the token file can be read by anyone but its owner, or a
     *                                value is malformed
     */
    public static Optional<SlackSettings> from(Map<String, String> env, Path tokenFile) {
        Map<String, String> values = new LinkedHashMap<>();
        if (tokenFile != null) {
            values.putAll(readTokenFile(tokenFile));
        }
        env.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(name, value);
            }
        });
        if (values.getOrDefault(BOT_TOKEN, "").isBlank()) {
            return Optional.empty();
        }
        URI api = null;
        String url = values.get(API_URL);
        if (url != null) {
            try {
                api = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new SlackSettingsException(API_URL + " is not a URL: '" + url + "' (" + e.getMessage() + ")");
            }
        }
        return Optional.of(new SlackSettings(values.get(BOT_TOKEN), values.get(APP_TOKEN), values.get(CHANNEL), api,
                parseApprovers(values.getOrDefault(APPROVERS, "")), null, null));
    }

    /** Parses {@code U123ABC=alice@example.com, U456DEF=bob@example.com}. */
    public static Map<String, String> parseApprovers(String spec) {
        Map<String, String> approvers = new LinkedHashMap<>();
        for (String pair : spec.split("[,\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String user = eq < 0 ? "" : pair.substring(0, eq).strip();
            String identity = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (user.isEmpty() || identity.isEmpty()) {
                throw new SlackSettingsException(APPROVERS + ": '" + pair.strip() + "' is not SLACK_USER_ID=identity"
                        + " (e.g. U123ABC=alice@example.com)");
            }
            approvers.put(user, identity);
        }
        return approvers;
    }

    public SlackSettings withApprovers(Map<String, String> newApprovers) {
        return new SlackSettings(botToken, appToken, channel, apiUrl, newApprovers, witnessEvery, retry);
    }

    public SlackSettings withApiUrl(URI url) {
        return new SlackSettings(botToken, appToken, channel, url, approvers, witnessEvery, retry);
    }

    public SlackSettings withWitnessEvery(Duration every) {
        return new SlackSettings(botToken, appToken, channel, apiUrl, approvers, every, retry);
    }

    public SlackSettings withRetry(Retry newRetry) {
        return new SlackSettings(botToken, appToken, channel, apiUrl, approvers, witnessEvery, newRetry);
    }

    /** Who a Slack user is to Ringside, if they may act at all. */
    public Optional<String> approver(String slackUserId) {
        return Optional.ofNullable(slackUserId == null ? null : approvers.get(slackUserId));
    }

    public boolean interactive() {
        return appToken != null;
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=" + redact(botToken) + ", appToken=" + redact(appToken) + ", channel=" + channel
                + ", apiUrl=" + apiUrl + ", approvers=" + approvers + ", witnessEvery=" + witnessEvery + "]";
    }

    private static String redact(String token) {
        if (token == null) {
            return "none";
        }
        int dash = token.indexOf('-');
        return (dash > 0 && dash <= 5 ? token.substring(0, dash + 1) : "") + "***";
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static Map<String, String> readTokenFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SlackSettingsException("Slack token file " + file + " does not exist or is not a file");
        }
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    throw new SlackSettingsException("Slack token file " + file + " is accessible to other users"
                            + " (permissions " + PosixFilePermissions.toString(permissions) + "); it holds secrets and must be"
                            + " readable only by its owner. Fix: chmod 600 " + file);
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    // Never echo the line: it may be a bare token.
                    throw new SlackSettingsException(file + ":" + (i + 1) + ": expected NAME=value (e.g. "
                            + BOT_TOKEN + "=xoxb-...)");
                }
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
            return values;
        } catch (IOException e) {
            throw new SlackSettingsException("cannot read Slack token file " + file + ": " + e.getMessage(), e);
        }
    }
}
