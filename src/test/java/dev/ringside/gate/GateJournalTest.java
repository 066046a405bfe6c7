package dev.ringside.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.journal.AuditReport;
import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import dev.ringside.policy.PolicyLoader;
import dev.ringside.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate writing to a real journal file: what it decides is in the audit chain and survives restarts. */
class GateJournalTest {
    private static final String ROLLBACK = "{\"namespace\":\"shop\",\"name\":\"checkout\",\"revision\":3}";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-21T03:00:00Z");

    private Governance governance(Journal journal) throws Exception {
        return new Governance(ActivePolicy.of(PolicyLoader.loadDefault()), journal::record, journal::claimExecution, clock);
    }

    private Journal open() {
        return Journal.open(JournalOptions.at(dir.resolve("journal.db")).withClock(clock));
    }

    @Test
    void decisionsApprovalsAndKillStepsLandInAVerifiableAuditChain() throws Exception {
        try (Journal journal = open()) {
            Governance g = governance(journal);
            g.gate().decide(ProposedCall.of("c1", "run-1", "crashloop-agent", null, "list_pods", GateFixture.json("{\"namespace\":\"shop\"}")));
            Decision d = g.gate().decide(ProposedCall.of("c2", "run-1", "crashloop-agent", null, "rollback_deployment", GateFixture.json(ROLLBACK)));
            g.inbox().approve(((Decision.NeedsApproval) d).request().id(), "alice", "ok");
            g.killSwitch().kill("bob", "drill");
            journal.flush();
            List<JournalEntry> run = journal.readRun("run-1");
            assertThat(run).extracting(JournalEntry::type)
                    .containsExactly("decision_made", "approval_requested", "decision_made", "approval_decided");
            assertThat(journal.readRun(KillSwitch.RUN_ID)).extracting(e -> ((TraceEvent.KillStep) e.event()).status())
                    .containsExactly("requested", "confirmed");
        }
        AuditReport report = AuditVerifier.verify(dir.resolve("journal.db"), JournalOptions.defaultCheckpointDir(dir.resolve("journal.db")));
        assertThat(report.ok()).as(report.message()).isTrue();
        assertThat(report.entries()).isEqualTo(6);
    }

    @Test
    void anApprovedDigestExecutesAtMostOnceEvenAfterARestart() throws Exception {
        ApprovalGrant grant;
        try (Journal journal = open()) {
            Governance g = governance(journal);
            Decision d = g.gate().decide(ProposedCall.of("c1", "run-1", "crashloop-agent", null, "rollback_deployment", GateFixture.json(ROLLBACK)));
            grant = ((ApprovalStatus.Granted) g.inbox().approve(((Decision.NeedsApproval) d).request().id(), "alice", "")).grant();
            g.gate().claimApproved(grant, grant.digest());
        }
        try (Journal reopened = open()) {
            Governance afterRestart = governance(reopened);
            assertThatThrownBy(() -> afterRestart.gate().claimApproved(grant, grant.digest()))
                    .isInstanceOf(ApprovalRefused.class).hasMessageContaining("already executed once");
        }
    }
}
