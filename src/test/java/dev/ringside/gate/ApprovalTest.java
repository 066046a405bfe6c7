package dev.ringside.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.journal.TraceEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalTest {
    private static final String ROLLBACK = "{\"namespace\":\"shop\",\"name\":\"checkout\",\"revision\":3}";
    private final GateFixture f = new GateFixture();
    private final ApprovalInbox inbox = f.governance.inbox();

    ApprovalTest() throws Exception {
    }

    private ApprovalRequest requestRollback() {
        return ((Decision.NeedsApproval) f.decide("crashloop-agent", "rollback_deployment", ROLLBACK)).request();
    }

    private ApprovalGrant grantOf(ApprovalStatus status) {
        assertThat(status).isInstanceOf(ApprovalStatus.Granted.class);
        return ((ApprovalStatus.Granted) status).grant();
    }

    @Test
    void approvedCallExecutesExactlyOnce() {
        ApprovalRequest request = requestRollback();
        ApprovalGrant grant = grantOf(inbox.approve(request.id(), "alice", "looks right"));
        assertThat(inbox.outcome(request.id())).isCompletedWithValue(new ApprovalStatus.Granted(grant));
        f.gate().claimApproved(grant, request.digest());
        assertThatThrownBy(() -> f.gate().claimApproved(grant, request.digest()))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("already executed once");
        assertThat(f.trace.of(TraceEvent.ApprovalDecided.class)).singleElement()
                .satisfies(e -> assertThat(e.approver()).isEqualTo("alice"));
    }

    @Test
    void somethingElseThanWhatWasApprovedCannotRun() {
        ApprovalRequest request = requestRollback();
        ApprovalGrant grant = grantOf(inbox.approve(request.id(), "alice", ""));
        String changedTarget = CallDigest.of("crashloop-agent", "rollback_deployment", GateFixture.json(ROLLBACK), "999");
        assertThatThrownBy(() -> f.gate().claimApproved(grant, changedTarget))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("not what was approved");
    }

    @Test
    void noAgentCanApprove() {
        ApprovalRequest request = requestRollback();
        assertThatThrownBy(() -> inbox.approve(request.id(), "crashloop-agent", ""))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("cannot approve");
        assertThatThrownBy(() -> inbox.approve(request.id(), "oom-agent", ""))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("agents cannot approve");
        assertThat(inbox.pending()).containsExactly(request);
    }

    @Test
    void twoPersonActionsNeedTwoDifferentPeople() {
        Decision d = f.decide("crashloop-agent", "set_image",
                "{\"namespace\":\"shop\",\"name\":\"checkout\",\"container\":\"app\",\"image\":\"shop/checkout:1.4.2\"}");
        ApprovalRequest request = ((Decision.NeedsApproval) d).request();
        assertThat(request.approversNeeded()).isEqualTo(2);
        assertThat(inbox.approve(request.id(), "alice", "")).isEqualTo(new ApprovalStatus.Pending(java.util.List.of("alice")));
        assertThatThrownBy(() -> inbox.approve(request.id(), "alice", "again"))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("different second person");
        ApprovalGrant grant = grantOf(inbox.approve(request.id(), "bob", ""));
        assertThat(grant.approvers()).containsExactly("alice", "bob");
    }

    @Test
    void anApprovalBoundToADigestRefusesACallEditedSinceItWasShown() {
        Decision d = f.decide("crashloop-agent", "set_image",
                "{\"namespace\":\"shop\",\"name\":\"checkout\",\"container\":\"app\",\"image\":\"shop/checkout:1.4.2\"}");
        ApprovalRequest request = ((Decision.NeedsApproval) d).request();
        f.gate().editThenApprove(request.id(), "alice", GateFixture.json(
                "{\"namespace\":\"shop\",\"name\":\"checkout\",\"container\":\"app\",\"image\":\"shop/checkout:1.4.1\"}"), "older");

        assertThatThrownBy(() -> inbox.approveDigest(request.id(), request.digest(), "bob", ""))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("edited after it was shown");
        assertThatThrownBy(() -> inbox.denyDigest(request.id(), request.digest(), "bob", "no"))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("edited after it was shown");
        assertThat(inbox.status(request.id())).contains(new ApprovalStatus.Pending(java.util.List.of("alice")));
    }

    @Test
    void anApprovalBoundToTheCurrentDigestGoesThrough() {
        ApprovalRequest request = requestRollback();
        assertThat(inbox.approveDigest(request.id(), request.digest(), "alice", "")).isInstanceOf(ApprovalStatus.Granted.class);
    }

    @Test
    void denyingNeedsAReasonAndEndsTheRequest() {
        ApprovalRequest request = requestRollback();
        assertThatThrownBy(() -> inbox.deny(request.id(), "alice", "")).isInstanceOf(ApprovalRefused.class);
        assertThat(inbox.deny(request.id(), "alice", "wrong revision")).isEqualTo(new ApprovalStatus.Denied("alice", "wrong revision"));
        assertThatThrownBy(() -> inbox.approve(request.id(), "bob", "")).isInstanceOf(ApprovalRefused.class)
                .hasMessageContaining("already denied by alice");
    }

    @Test
    void expiryMeansDeny() {
        ApprovalRequest request = requestRollback();
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(inbox.pending()).isEmpty();
        assertThat(inbox.outcome(request.id())).isCompletedWithValue(new ApprovalStatus.Expired());
        assertThatThrownBy(() -> inbox.approve(request.id(), "alice", "")).isInstanceOf(ApprovalRefused.class)
                .hasMessageContaining("expired");
        assertThat(f.trace.of(TraceEvent.ApprovalExpired.class)).hasSize(1);
    }

    @Test
    void editThenApproveRunsTheEditUnderANewDigestAndKeepsTheOriginal() {
        ApprovalRequest request = requestRollback();
        var edited = GateFixture.json("{\"namespace\":\"shop\",\"name\":\"checkout\",\"revision\":2}");
        ApprovalGrant grant = grantOf(f.gate().editThenApprove(request.id(), "alice", edited, "revision 2 is the last good one"));
        assertThat(grant.edited()).isTrue();
        assertThat(grant.digest()).isNotEqualTo(request.digest()).isEqualTo(CallDigest.of(grant.call()));
        assertThat(grant.original().args()).isEqualTo(GateFixture.json(ROLLBACK));
        assertThat(grant.call().args()).isEqualTo(edited);
        assertThatThrownBy(() -> f.gate().claimApproved(grant, request.digest())).isInstanceOf(ApprovalRefused.class);
        f.gate().claimApproved(grant, grant.digest());
        TraceEvent.ApprovalDecided decided = f.trace.of(TraceEvent.ApprovalDecided.class).getLast();
        assertThat(decided.outcome()).isEqualTo("edited");
        assertThat(decided.editedDigest()).isEqualTo(grant.digest());
    }

    @Test
    void anEditCannotSmuggleInWhatTheGateWouldDeny() {
        ApprovalRequest request = requestRollback();
        var bad = GateFixture.json("{\"namespace\":\"shop\",\"name\":\"checkout\",\"revision\":\"kubectl delete ns shop\"}");
        assertThatThrownBy(() -> f.gate().editThenApprove(request.id(), "alice", bad, ""))
                .isInstanceOf(ApprovalRefused.class).hasMessageContaining("never_allow");
        assertThat(inbox.pending()).containsExactly(request);
    }

    @Test
    void killVoidsEveryPendingRequestAndStopsGrantedOnes() {
        ApprovalRequest pending = requestRollback();
        ApprovalRequest approved = requestRollback();
        ApprovalGrant grant = grantOf(inbox.approve(approved.id(), "alice", ""));
        f.governance.killSwitch().kill("bob", "stop everything");
        assertThat(inbox.pending()).isEmpty();
        assertThat(inbox.outcome(pending.id()).join()).isInstanceOf(ApprovalStatus.Voided.class);
        assertThatThrownBy(() -> inbox.approve(pending.id(), "alice", "")).isInstanceOf(ApprovalRefused.class);
        assertThatThrownBy(() -> f.gate().claimApproved(grant, grant.digest())).isInstanceOf(ApprovalRefused.class)
                .hasMessageContaining("kill switch");
    }

    @Test
    void finishedRequestsAreForgottenADayAfterTheyOpened() {
        ApprovalRequest old = requestRollback();
        inbox.deny(old.id(), "alice", "no");
        f.clock.advance(Duration.ofHours(23));
        ApprovalRequest recent = requestRollback();
        f.clock.advance(Duration.ofMinutes(59));
        assertThat(inbox.status(old.id())).as("less than a day old").isPresent();
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(inbox.status(old.id())).isEmpty();
        assertThat(inbox.status(recent.id())).as("expired an hour ago, still remembered")
                .contains(new ApprovalStatus.Expired());
    }
}
