package dev.ringside.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.journal.TraceEvent.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The only holder of a {@link ToolAdapter}: a call reaches the world through {@link #submit}, which
 * asks the gate first, waits for people when the gate says so, and executes an approval at most
 * once and only if the target is still what was approved. Every result is journaled as recorded
 * output, so replay never re-executes anything.
 */
public final class GatedTools {
    private static final Duration EXPIRY_SWEEP = Duration.ofMillis(500);

    /** What became of a submitted call. */
    public sealed interface Outcome {
        Decision decision();

        /** The tool ran; {@code approvedBy} is empty when the gate allowed it on its own. */
        record Executed(Decision decision, JsonNode output, java.util.List<String> approvedBy) implements Outcome {
        }

        /** The gate or a person said no, or an approval expired or was voided. */
        record Refused(Decision decision, String reason) implements Outcome {
        }

        /** Dry-run: recorded what would change, changed nothing. */
        record DryRun(Decision decision, String wouldChange) implements Outcome {
        }

        /** Allowed, but the tool itself failed. */
        record Failed(Decision decision, String error) implements Outcome {
        }
    }

    private final Governance governance;
    private final ToolAdapter adapter;
    private final TraceSink trace;
    private final Clock clock;

    public GatedTools(Governance governance, ToolAdapter adapter, TraceSink trace, Clock clock) {
        this.governance = governance;
        this.adapter = adapter;
        this.trace = trace;
        this.clock = clock;
    }

    public Outcome submit(ProposedCall proposed) throws InterruptedException {
        ProposedCall call = withPreview(proposed);
        Decision decision = governance.gate().decide(call);
        return switch (decision) {
            case Decision.Deny deny -> new Outcome.Refused(deny, deny.reason());
            case Decision.DryRun dry -> {
                String wouldChange = call.blastRadius() == null ? "nothing known" : call.blastRadius();
                ObjectNode output = JsonNodeFactory.instance.objectNode().put("dry_run", true).put("would_change", wouldChange);
                trace.record(call.runId(), call.agent(), new ToolResult(call.callId(), call.tool(), true, output.toString(), 0));
                yield new Outcome.DryRun(dry, wouldChange);
            }
            case Decision.Allow allow -> execute(call, allow, java.util.List.of());
            case Decision.NeedsApproval held -> awaitPeople(held);
        };
    }

    /** Writes are previewed (read-only) so approvals bind the target's resourceVersion and show the blast radius. */
    private ProposedCall withPreview(ProposedCall call) {
        if (governance.killSwitch().isKilled() || !isKnownWrite(call.tool())) return call;
        try {
            return call.withPreview(adapter.preview(call));
        } catch (ToolFailure | RuntimeException e) {
            // the gate still decides; an allowed call will fail the same way when it runs
            return call.withPreview(new Preview(null, new Preview.BlastRadius(java.util.List.of("unknown: " + e.getMessage()),
                    java.util.List.of())));
        }
    }

    private boolean isKnownWrite(String tool) {
        return governance.policy().state() instanceof ActivePolicy.Loaded l
                && l.policy().action(tool).map(a -> a.isWrite()).orElse(false);
    }

    private Outcome awaitPeople(Decision.NeedsApproval held) throws InterruptedException {
        ApprovalInbox inbox = governance.inbox();
        CompletableFuture<ApprovalStatus> outcome = inbox.outcome(held.request().id());
        ApprovalStatus status;
        while (true) {
            try {
                status = outcome.get(EXPIRY_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillPending) {
                inbox.expireDue();
            } catch (ExecutionException e) {
                return new Outcome.Refused(held, "approval failed: " + e.getCause());
            }
        }
        return switch (status) {
            case ApprovalStatus.Granted granted -> runGranted(held, granted.grant());
            case ApprovalStatus.Denied denied -> new Outcome.Refused(held, "denied by " + denied.by() + ": " + denied.reason());
            case ApprovalStatus.Expired expired -> new Outcome.Refused(held, "approval expired at "
                    + held.request().expiresAt() + " with no decision, so it is denied");
            case ApprovalStatus.Voided voided -> new Outcome.Refused(held, "approval voided: " + voided.reason());
            case ApprovalStatus.Pending pending -> throw new IllegalStateException("a final status was expected");
        };
    }

    private Outcome runGranted(Decision.NeedsApproval held, ApprovalGrant grant) {
        ProposedCall toRun = grant.call();
        try {
            Preview now = adapter.preview(toRun);
            governance.gate().claimApproved(grant, CallDigest.of(toRun.agent(), toRun.tool(), toRun.args(), now.resourceVersion()));
        } catch (ToolFailure e) {
            return new Outcome.Refused(held, "the approved target cannot be read any more: " + e.getMessage());
        } catch (ApprovalRefused e) {
            return new Outcome.Refused(held, e.getMessage());
        }
        return execute(toRun, held, grant.approvers());
    }

    private Outcome execute(ProposedCall call, Decision decision, java.util.List<String> approvers) {
        Instant started = clock.instant();
        try {
            JsonNode output = adapter.execute(call);
            trace.record(call.runId(), call.agent(), new ToolResult(call.callId(), call.tool(), true, output.toString(),
                    micros(started)));
            governance.gate().reportOutcome(call, true);
            return new Outcome.Executed(decision, output, approvers);
        } catch (ToolFailure | RuntimeException e) {
            String error = e instanceof ToolFailure ? e.getMessage() : "tool crashed: " + e;
            ObjectNode output = JsonNodeFactory.instance.objectNode().put("error", error);
            trace.record(call.runId(), call.agent(), new ToolResult(call.callId(), call.tool(), false, output.toString(),
                    micros(started)));
            governance.gate().reportOutcome(call, false);
            return new Outcome.Failed(decision, error);
        }
    }

    private long micros(Instant started) {
        return Duration.between(started, clock.instant()).toNanos() / 1000;
    }
}
