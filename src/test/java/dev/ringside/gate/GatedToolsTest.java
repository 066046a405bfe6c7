package dev.ringside.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ringside.journal.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatedToolsTest {
    private static final String POD = "{\"namespace\":\"shop\",\"name\":\"web-1\"}";
    private static final String ROLLBACK = "{\"namespace\":\"shop\",\"name\":\"checkout\",\"revision\":2}";

    /** A world of one object whose resourceVersion tests can bump; remembers what really ran. */
    static final class CountingAdapter implements ToolAdapter {
        final List<ProposedCall> executed = new CopyOnWriteArrayList<>();
        volatile String resourceVersion = "100";

        @Override
        public Preview preview(ProposedCall call) {
            return new Preview(resourceVersion, new Preview.BlastRadius(List.of("deployment/shop/checkout"),
                    List.of(new Preview.FieldChange("deployment/shop/checkout", "image", "2.4.0", "2.3.1"))));
        }

        @Override
        public JsonNode execute(ProposedCall call) {
            executed.add(call);
            return JsonNodeFactory.instance.objectNode().put("ok", true);
        }
    }

    private final GateFixture f = new GateFixture();
    private final CountingAdapter world = new CountingAdapter();
    private final GatedTools tools = new GatedTools(f.governance, world, f.trace, f.clock);

    GatedToolsTest() throws Exception {
    }

    private CompletableFuture<GatedTools.Outcome> submitAsync(ProposedCall call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return tools.submit(call);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ApprovalRequest awaitPending() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<ApprovalRequest> pending = f.governance.inbox().pending();
            if (!pending.isEmpty()) return pending.getFirst();
            Thread.sleep(10);
        }
        throw new AssertionError("no approval request appeared");
    }

    @Test
    void deniedCallNeverReachesTheAdapter() throws Exception {
        GatedTools.Outcome outcome = tools.submit(f.call("crashloop-agent", "delete_deployment", POD));
        assertThat(outcome).isInstanceOf(GatedTools.Outcome.Refused.class);
        assertThat(world.executed).isEmpty();
    }

    @Test
    void allowedCallRunsOnceAndItsOutputIsRecorded() throws Exception {
        GatedTools.Outcome outcome = tools.submit(f.call("crashloop-agent", "delete_pod", POD));
        assertThat(outcome).isInstanceOf(GatedTools.Outcome.Executed.class);
        assertThat(world.executed).hasSize(1);
        assertThat(f.trace.of(TraceEvent.ToolResult.class)).singleElement()
                .satisfies(r -> assertThat(r.outputJson()).isEqualTo("{\"ok\":true}"));
    }

    @Test
    void approvalRequestShowsTheBlastRadiusAndBindsTheResourceVersion() throws Exception {
        var pending = submitAsync(f.call("crashloop-agent", "rollback_deployment", ROLLBACK));
        ApprovalRequest request = awaitPending();
        assertThat(request.call().blastRadius()).contains("deployment/shop/checkout image: 2.4.0 -> 2.3.1");
        assertThat(request.call().targetResourceVersion()).isEqualTo("100");
        f.governance.inbox().approve(request.id(), "alice", "");
        GatedTools.Outcome outcome = pending.get(5, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOfSatisfying(GatedTools.Outcome.Executed.class,
                e -> assertThat(e.approvedBy()).containsExactly("alice"));
        assertThat(world.executed).hasSize(1);
    }

    @Test
    void targetChangedSinceApprovalIsNotExecuted() throws Exception {
        var pending = submitAsync(f.call("crashloop-agent", "rollback_deployment", ROLLBACK));
        ApprovalRequest request = awaitPending();
        world.resourceVersion = "101";
        f.governance.inbox().approve(request.id(), "alice", "");
        assertThat(pending.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(GatedTools.Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("not what was approved"));
        assertThat(world.executed).isEmpty();
    }

    @Test
    void unansweredApprovalExpiresToDeny() throws Exception {
        var pending = submitAsync(f.call("crashloop-agent", "rollback_deployment", ROLLBACK));
        awaitPending();
        f.clock.advance(Duration.ofMinutes(16));
        assertThat(pending.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(GatedTools.Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("expired"));
        assertThat(world.executed).isEmpty();
    }

    @Test
    void killWhileWaitingForPeopleRefusesTheCall() throws Exception {
        var pending = submitAsync(f.call("crashloop-agent", "rollback_deployment", ROLLBACK));
        awaitPending();
        f.governance.killSwitch().kill("alice", "stop");
        assertThat(pending.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(GatedTools.Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("voided"));
        assertThat(world.executed).isEmpty();
    }

    @Test
    void dryRunRecordsWhatWouldChangeAndChangesNothing() throws Exception {
        var limits = new ProposedCall.RunbookLimits("crashloop-rollback", java.util.Set.of("delete_pod"), 1, true);
        GatedTools.Outcome outcome = tools.submit(f.call("crashloop-agent", "delete_pod", POD).withContext(null, List.of(), limits));
        assertThat(outcome).isInstanceOfSatisfying(GatedTools.Outcome.DryRun.class,
                d -> assertThat(d.wouldChange()).contains("deployment/shop/checkout"));
        assertThat(world.executed).isEmpty();
        assertThat(f.trace.of(TraceEvent.ToolResult.class).getFirst().outputJson()).contains("\"dry_run\":true");
    }
}
