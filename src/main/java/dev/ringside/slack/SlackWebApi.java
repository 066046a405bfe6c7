package dev.ringside.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * The Slack Web API methods Ringside calls, through the SDK's {@link MethodsClient} pointed at
 * {@link SlackSettings#apiUrl()}, with every outcome sorted into a {@link Delivery}.
 */
final class SlackWebApi implements AutoCloseable {

    /** Errors about the message itself: sending it again cannot succeed. */
    private static final Set<String> MESSAGE_ERRORS = Set.of("invalid_blocks", "invalid_blocks_format", "msg_too_long",
            "no_text", "too_many_attachments", "message_not_found", "cant_update_message", "edit_window_closed",
            "invalid_arguments", "invalid_attachments", "is_inactive");

    private final Slack slack;
    private final MethodsClient methods;
    private final String appToken;

    SlackWebApi(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientCallTimeoutMillis(30_000);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(settings.botToken());
        this.appToken = settings.appToken();
    }

    Slack slack() {
        return slack;
    }

    String appToken() {
        return appToken;
    }

    Delivery post(String channel, SlackMessage message) {
        return attempt(() -> {
            ChatPostMessageResponse r = methods.chatPostMessage(ChatPostMessageRequest.builder().channel(channel)
                    .text(message.text()).blocksAsString(message.blocksJson()).unfurlLinks(false).unfurlMedia(false).build());
            return r.isOk() ? new Delivery.Delivered(r.getTs()) : notOk(r);
        });
    }

    Delivery update(String channel, String ts, SlackMessage message) {
        return attempt(() -> {
            ChatUpdateResponse r = methods.chatUpdate(ChatUpdateRequest.builder().channel(channel).ts(ts)
                    .text(message.text()).blocksAsString(message.blocksJson()).build());
            return r.isOk() ? new Delivery.Delivered(r.getTs()) : notOk(r);
        });
    }

    /** Only the given user sees it; not queued, because it answers a click that is happening now. */
    Delivery whisper(String channel, String user, String text) {
        return attempt(() -> {
            var r = methods.chatPostEphemeral(ChatPostEphemeralRequest.builder().channel(channel).user(user).text(text)
                    .build());
            return r.isOk() ? new Delivery.Delivered(r.getMessageTs()) : notOk(r);
        });
    }

    private interface Call {
        Delivery run() throws IOException, SlackApiException;
    }

    private static Delivery attempt(Call call) {
        try {
            return call.run();
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                return new Delivery.RateLimited(retryAfter(e.getResponse().header("Retry-After")));
            }
            return new Delivery.Failed("HTTP " + code + " from Slack");
        } catch (IOException e) {
            return new Delivery.Failed("cannot reach Slack: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Delivery.Failed("Slack call failed: " + e);
        }
    }

    private static Delivery notOk(SlackApiTextResponse response) {
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if ("ratelimited".equals(error)) {
            return new Delivery.RateLimited(Duration.ofSeconds(1));
        }
        return MESSAGE_ERRORS.contains(error) ? new Delivery.Refused(error) : new Delivery.Failed(error);
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            // closing HTTP connection pools; nothing is lost
        }
    }
}
