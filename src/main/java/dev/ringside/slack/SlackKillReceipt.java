package dev.ringside.slack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kill receipt: one Slack message per kill listing every step with its result and time. The
 * first {@link #publish} posts it; later ones (late steps confirming) edit the same message.
 */
public final class SlackKillReceipt {
    private final SlackOutbox outbox;
    private final Map<String, CompletableFuture<Long>> receipts = new ConcurrentHashMap<>();

    SlackKillReceipt(SlackOutbox outbox) {
        this.outbox = outbox;
    }

    public synchronized void publish(String killId, List<KillReceiptStep> steps) {
        SlackMessage message = render(killId, steps);
        CompletableFuture<Long> posted = receipts.get(killId);
        if (posted == null) {
            receipts.put(killId, outbox.post(message));
        } else {
            outbox.update(posted, message);
        }
    }

    static SlackMessage render(String killId, List<KillReceiptStep> steps) {
        boolean failed = steps.stream().anyMatch(s -> s.status().equals("failed"));
        boolean waiting = steps.stream().anyMatch(s -> s.status().equals("requested"));
        StringBuilder lines = new StringBuilder();
        for (KillReceiptStep step : steps) {
            lines.append(switch (step.status()) {
                case "confirmed" -> ":white_check_mark: ";
                case "failed" -> ":x: ";
                default -> ":hourglass_flowing_sand: ";
            }).append('*').append(Blocks.escape(step.name())).append("* ").append(step.status()).append(" at ")
                    .append(step.at()).append(step.detail() == null || step.detail().isBlank() ? ""
                            : " — " + Blocks.escape(step.detail())).append('\n');
        }
        String summary = failed ? "some steps FAILED; check the cluster by hand" : waiting ? "steps still in progress"
                : "every step confirmed";
        return new Blocks().header("Kill receipt")
                .section(lines.toString())
                .context("Kill `" + killId + "` · " + summary)
                .message("Ringside kill receipt " + killId + ": " + summary);
    }
}
