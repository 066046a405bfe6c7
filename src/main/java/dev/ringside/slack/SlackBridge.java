package dev.ringside.slack;

import dev.ringside.gate.Governance;
import dev.ringside.journal.Journal;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ringside's Slack integration in one object: approval requests posted with Approve/Deny buttons
 * and edited when decided, {@code /ringside status|kill} and button clicks over Socket Mode, kill
 * receipts and audit-chain witnesses, all delivered through the journal's durable outbox. Slack
 * being slow or down never blocks the gate, the kill switch or the cockpit.
 *
 * <p>Close it before closing the journal.
 */
public final class SlackBridge implements AutoCloseable {
    private final SlackWebApi api;
    private final SlackOutbox outbox;
    private final SlackApprovals approvals;
    private final SlackKillReceipt killReceipt;
    private final AutoCloseable killSteps;
    private final ScheduledExecutorService witnessTimer;
    private final SocketModeLink link;

    private SlackBridge(Governance governance, Journal journal, SlackSettings settings, Clock clock) {
        this.api = new SlackWebApi(settings);
        this.outbox = new SlackOutbox(journal, api, settings, clock);
        this.approvals = new SlackApprovals(governance.inbox(), outbox, settings.interactive(), clock);
        this.killReceipt = new SlackKillReceipt(outbox);
        AuditWitness witness = new AuditWitness(journal, outbox);
        this.killSteps = journal.subscribe(new KillStepFeed(killReceipt, witness));
        this.witnessTimer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("ringside-slack-witness").factory());
        long every = settings.witnessEvery().toMillis();
        witnessTimer.scheduleAtFixedRate(() -> witness.witness("every " + settings.witnessEvery()), every, every,
                TimeUnit.MILLISECONDS);
        this.link = settings.interactive()
                ? new SocketModeLink(api, new SlackInteractions(governance, journal, settings, outbox), settings.retry())
                : null;
    }

    /** Wires Slack to the governance stack and the journal, and starts delivering; returns at once. */
    public static SlackBridge start(Governance governance, Journal journal, SlackSettings settings) {
        return start(governance, journal, settings, Clock.systemUTC());
    }

    public static SlackBridge start(Governance governance, Journal journal, SlackSettings settings, Clock clock) {
        return new SlackBridge(governance, journal, settings, clock);
    }

    /** True when an app token was given, so buttons and slash commands come over Socket Mode. */
    public boolean interactive() {
        return link != null;
    }

    /** True while the Socket Mode connection is up (buttons and slash commands work); false without an app token. */
    public boolean connected() {
        return link != null && link.connected();
    }

    /** Posts (and keeps current) a kill receipt; the bridge already does this for every kill the journal records. */
    public SlackKillReceipt killReceipt() {
        return killReceipt;
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
        witnessTimer.shutdownNow();
        approvals.close();
        try {
            killSteps.close();
        } catch (Exception ignored) {
            // the subscription only stops feeding us
        }
        outbox.close();
        api.close();
    }
}
