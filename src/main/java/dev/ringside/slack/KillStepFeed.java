package dev.ringside.slack;

import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.TraceEvent.KillStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Follows the journal's kill steps (committed, in order) and keeps each kill's receipt current:
 * the latest status of each step, in the order steps first appeared. Reading the journal rather
 * than the kill switch means every step is included, whoever records it (local halt, cluster
 * revocation), and nothing is reported that was not durably recorded first.
 */
final class KillStepFeed implements Consumer<JournalEntry> {
    private final SlackKillReceipt receipt;
    private final AuditWitness witness;
    private final Map<String, Map<String, KillReceiptStep>> kills = new LinkedHashMap<>();

    KillStepFeed(SlackKillReceipt receipt, AuditWitness witness) {
        this.receipt = receipt;
        this.witness = witness;
    }

    @Override
    public void accept(JournalEntry entry) {
        if (!(entry.event() instanceof KillStep step)) {
            return;
        }
        Map<String, KillReceiptStep> steps = kills.computeIfAbsent(step.killId(), k -> new LinkedHashMap<>());
        steps.put(step.step(), new KillReceiptStep(step.step(), step.status(), step.detail(), entry.at()));
        receipt.publish(step.killId(), new ArrayList<>(steps.values()));
        if (step.step().equals("local-halt") && step.status().equals("confirmed")) {
            witness.witness("kill " + step.killId());
        }
    }
}
