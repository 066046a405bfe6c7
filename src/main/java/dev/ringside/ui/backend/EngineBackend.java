package dev.ringside.ui.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.agent.AgentRuntime;
import dev.ringside.agent.Runbook;
import dev.ringside.app.Engine;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.ApprovalRefused;
import dev.ringside.gate.ApprovalRequest;
import dev.ringside.gate.ApprovalStatus;
import dev.ringside.gate.CircuitBreaker;
import dev.ringside.gate.Governance;
import dev.ringside.gate.KillSwitch;
import dev.ringside.journal.AuditReport;
import dev.ringside.journal.AuditVerifier;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import dev.ringside.policy.AgentPolicy;
import dev.ringside.policy.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The cockpit on the in-process {@link Engine}: every answer comes straight from the engine's
 * governance, runtime and journal. Kill steps are collected from the journal itself, so the
 * checklist shows what was recorded, never what was hoped for.
 */
public final class EngineBackend implements CockpitBackend {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AUDIT_EVERY = Duration.ofSeconds(10);
    private static final DateTimeFormatter CHECKED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where the agents act and which model they use; fixed for one engine. */
    public record Setting(String clusterContext, String namespace, String modelLabel) {
    }

    private final Engine engine;
    private final Governance governance;
    private final Setting setting;
    private final Clock clock;
    private final Map<String, Map<String, KillState.Step>> killSteps = new ConcurrentHashMap<>();
    private final AutoCloseable killStepFeed;
    private final Thread auditor;
    private volatile AuditReport audit;
    private volatile Instant auditCheckedAt;

    public EngineBackend(Engine engine, Setting setting, Clock clock) {
        this.engine = engine;
        this.governance = engine.governance();
        this.setting = setting;
        this.clock = clock;
        this.killStepFeed = engine.journal().subscribe(this::collectKillStep);
        governance.killSwitch().addListener(kill -> Thread.ofVirtual().name("audit-after-kill").start(this::verifyAudit));
        this.auditor = Thread.ofVirtual().name("cockpit-audit").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    verifyAudit();
                    Thread.sleep(AUDIT_EVERY);
                }
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void verifyAudit() {
        try {
            engine.journal().checkpoint();
            engine.journal().flush();
            JournalOptions journal = engine.journal().options();
            audit = AuditVerifier.verify(journal.db(), journal.checkpointDir());
        } catch (RuntimeException e) {
            audit = new AuditReport(false, 0, 0, "could not verify the audit chain: " + e.getMessage());
        }
        auditCheckedAt = clock.instant();
    }

    private void collectKillStep(JournalEntry entry) {
        if (entry.event() instanceof TraceEvent.KillStep k && !k.step().equals("rearm")) {
            killSteps.computeIfAbsent(k.killId(), id -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()))
                    .put(k.step(), new KillState.Step(k.step(), k.status(), k.detail(), k.step().equals("local-halt")));
        }
    }

    @Override
    public AgentBoard agents() {
        return this::agentCards;
    }

    private List<AgentCard> agentCards() {
        Optional<Policy> policy = governance.policy().state() instanceof ActivePolicy.Loaded l ? Optional.of(l.policy())
                : Optional.empty();
        Set<String> ids = new LinkedHashSet<>();
        policy.ifPresent(p -> p.agents().keySet().stream().sorted().forEach(ids::add));
        engine.runtime().runbooks().forEach(r -> ids.add(r.agent()));
        Map<String, AgentRuntime.RunHandle> active = new LinkedHashMap<>();
        engine.runtime().active().forEach(h -> active.put(h.runbook().agent(), h));
        int limit = policy.map(p -> p.breaker().maxDestructive()).orElse(0);
        Instant now = clock.instant();
        boolean killed = governance.killSwitch().isKilled();
        List<AgentCard> cards = new ArrayList<>();
        for (String id : ids) {
            Optional<AgentPolicy> ap = policy.flatMap(p -> p.agent(id));
            CircuitBreaker breaker = governance.breakers().of(id);
            CircuitBreaker.State state = breaker.state();
            Optional<Runbook> runbook = engine.runtime().runbooks().stream().filter(r -> r.agent().equals(id)).findFirst();
            AgentRuntime.RunHandle run = active.get(id);
            String runbookId = run != null ? run.runbook().id() : runbook.map(Runbook::id).orElse("");
            String mode = mode(policy, runbookId, run != null ? run.runbook() : runbook.orElse(null));
            cards.add(new AgentCard(id, ap.map(AgentPolicy::ring).orElse(0), ap.map(AgentPolicy::proposesUpTo).orElse(0),
                    state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), breaker.destructiveInWindow(now), limit,
                    run == null ? null : run.runId(), runbookId, mode, killed || state == CircuitBreaker.State.OPEN));
        }
        return cards;
    }

    private String mode(Optional<Policy> policy, String runbookId, Runbook runbook) {
        if (runbook != null && runbook.dryRun()) return "dry-run";
        return policy.flatMap(p -> p.runbook(runbookId))
                .map(m -> m.isLiveOn(java.time.LocalDate.now(clock)) ? "live" : "dry-run")
                .orElse(policy.isPresent() ? "live" : "dry-run");
    }

    @Override
    public ApprovalDesk approvals() {
        return new ApprovalDesk() {
            @Override
            public List<ApprovalCard> pending() {
                return governance.inbox().pending().stream().map(EngineBackend.this::card).toList();
            }

            @Override
            public Optional<String> standing(String requestId) {
                return governance.inbox().status(requestId).map(EngineBackend::words);
            }

            @Override
            public String approve(String requestId, String approver, String comment) {
                return answer(() -> governance.inbox().approve(requestId, approver, comment));
            }

            @Override
            public String deny(String requestId, String person, String reason) {
                return answer(() -> governance.inbox().deny(requestId, person, reason));
            }

            @Override
            public String editThenApprove(String requestId, String approver, String editedArgsJson, String comment) {
                JsonNode args;
                try {
                    args = JSON.readTree(editedArgsJson);
                } catch (IOException e) {
                    throw new IllegalArgumentException("the edited arguments are not valid JSON: " + e.getMessage());
                }
                if (args == null || !args.isObject()) throw new IllegalArgumentException("the edited arguments must be one JSON object");
                return answer(() -> governance.gate().editThenApprove(requestId, approver, args, comment));
            }
        };
    }

    private interface Answer {
        ApprovalStatus give();
    }

    private static String answer(Answer answer) {
        try {
            return words(answer.give());
        } catch (ApprovalRefused e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String words(ApprovalStatus status) {
        return switch (status) {
            case ApprovalStatus.Pending p -> p.approvedBy().isEmpty() ? "pending" : "pending, approved so far by " + String.join(", ", p.approvedBy());
            case ApprovalStatus.Granted g -> "granted by " + String.join(", ", g.grant().approvers()) + (g.grant().edited() ? " (edited)" : "");
            case ApprovalStatus.Denied d -> "denied by " + d.by() + ": " + d.reason();
            case ApprovalStatus.Expired e -> "expired";
            case ApprovalStatus.Voided v -> "voided: " + v.reason();
        };
    }

    private ApprovalCard card(ApprovalRequest r) {
        List<String> approvedBy = governance.inbox().status(r.id())
                .map(s -> s instanceof ApprovalStatus.Pending p ? p.approvedBy() : List.<String>of()).orElse(List.of());
        String args;
        try {
            args = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.call().args());
        } catch (IOException e) {
            args = r.call().args().toString();
        }
        return new ApprovalCard(r.id(), r.call().agent(), r.call().runId(), r.call().tool(), args, r.digest(), r.ring(), r.rule(),
                r.reason(), r.call().reasoning(), r.call().blastRadius(), r.approversNeeded(), approvedBy, r.createdAt(),
                r.expiresAt());
    }

    @Override
    public KillControl killSwitch() {
        return new KillControl() {
            @Override
            public KillState state() {
                return switch (governance.killSwitch().state()) {
                    case KillSwitch.Armed a -> KillState.armed();
                    case KillSwitch.Killed k -> new KillState(true, k.killId(), k.at(), k.by(), k.reason(),
                            stepsOf(k.killId()));
                };
            }

            @Override
            public void kill(String person, String reason) {
                governance.killSwitch().kill(person, reason);
            }

            @Override
            public void rearm(String person, String reason) {
                try {
                    engine.rearm(person, reason);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("re-arm interrupted", e);
                }
            }

            @Override
            public java.util.List<String> restorePlan() {
                try {
                    // the plan is what the kill's cluster steps took; it is known once they finished
                    if (!engine.awaitClusterKill(java.time.Duration.ofSeconds(10))) {
                        return java.util.List.of("The kill's cluster steps are still running; the plan appears when they finish.");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return engine.restorePlan().map(plan -> plan.lines())
                        .orElse(java.util.List.of("Nothing was taken from the cluster; re-arming re-opens the gate."));
            }

            @Override
            public void retry(String killId, String step, String person) {
                if (!step.equals("local-halt")) {
                    throw new IllegalStateException("this build cannot retry the step '" + step + "'");
                }
                recheckLocalHalt(killId, person);
            }
        };
    }

    private List<KillState.Step> stepsOf(String killId) {
        Map<String, KillState.Step> steps = killSteps.get(killId);
        if (steps == null) return List.of();
        synchronized (steps) {
            return List.copyOf(steps.values());
        }
    }

    /** The local halt is checked, not re-done: the gate must deny, nothing may be pending, no run may be active. */
    private void recheckLocalHalt(String killId, String person) {
        var trace = engine.journal();
        trace.record(KillSwitch.RUN_ID, person, new TraceEvent.KillStep(killId, "local-halt", "requested", "re-check by " + person));
        List<String> problems = new ArrayList<>();
        if (!governance.killSwitch().isKilled()) problems.add("the kill switch is not engaged");
        if (!governance.inbox().pending().isEmpty()) problems.add(governance.inbox().pending().size() + " approval(s) still pending");
        if (!engine.runtime().active().isEmpty()) problems.add(engine.runtime().active().size() + " run(s) still active");
        trace.record(KillSwitch.RUN_ID, person, problems.isEmpty()
                ? new TraceEvent.KillStep(killId, "local-halt", "confirmed", "re-checked: gate denies every call, nothing pending, no run active")
                : new TraceEvent.KillStep(killId, "local-halt", "failed", String.join("; ", problems)));
    }

    @Override
    public StatusSource status() {
        return () -> {
            AuditReport report = audit;
            String words = auditWords(report, auditCheckedAt);
            return switch (governance.policy().state()) {
                case ActivePolicy.Loaded l -> new CockpitStatus(setting.clusterContext(), setting.namespace(), engine.slackState(),
                        setting.modelLabel(), l.policy().source().name(), l.policy().source().sha256(), null,
                        report != null && report.ok(), words);
                case ActivePolicy.Broken b -> new CockpitStatus(setting.clusterContext(), setting.namespace(), engine.slackState(),
                        setting.modelLabel(), null, null, b.reason(), report != null && report.ok(), words);
            };
        };
    }

    /** What the status bar says of the chain, with when it was last verified: a count is only true as of then. */
    private String auditWords(AuditReport report, Instant checkedAt) {
        if (report == null || checkedAt == null) return "checking…";
        String when = " · checked " + CHECKED_AT.format(checkedAt.atZone(clock.getZone()));
        return (report.ok() ? report.entries() + " entries" : report.message()) + when;
    }

    @Override
    public LiveEvents events() {
        return new LiveEvents() {
            @Override
            public List<JournalEntry> recent(int limit) {
                engine.journal().flush();
                List<JournalEntry> all = engine.journal().readBetween(clock.instant().minus(Duration.ofDays(1)),
                        clock.instant().plus(Duration.ofDays(1)));
                return all.size() <= limit ? all : all.subList(all.size() - limit, all.size());
            }

            @Override
            public AutoCloseable subscribe(Consumer<JournalEntry> sink) {
                return engine.journal().subscribe(sink);
            }
        };
    }

    @Override
    public Optional<Path> journalFile() {
        return Optional.of(engine.journal().options().db());
    }

    @Override
    public void close() {
        auditor.interrupt();
        try {
            killStepFeed.close();
        } catch (Exception e) {
            // closing a subscription only stops delivery; nothing to report to the engineer
        }
    }
}
