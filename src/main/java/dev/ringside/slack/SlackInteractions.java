package dev.ringside.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.gate.ActivePolicy;
import dev.ringside.gate.ApprovalRefused;
import dev.ringside.gate.ApprovalStatus;
import dev.ringside.gate.Governance;
import dev.ringside.gate.KillSwitch;
import dev.ringside.journal.Journal;
import dev.ringside.journal.TraceEvent.AccessRefused;
import java.util.Optional;

/**
 * What Slack users may do, and the rules for it: only people on the approver allowlist act, as
 * the identity the allowlist gives them; a button acts on the request and digest it was shown
 * for, or not at all; everyone else is refused, told so privately, and the refusal is journaled.
 */
final class SlackInteractions {
    /** The journal run id of Slack access events, which belong to no single run. */
    static final String RUN_ID = "slack";
    static final String KILL = "ringside.kill";

    private final Governance governance;
    private final Journal journal;
    private final SlackSettings settings;
    private final SlackOutbox outbox;

    /** Someone pressed a button of ours. */
    record Click(String userId, String userName, String channelId, String actionId, String value) {
    }

    /** Someone typed {@code /ringside <text>}. */
    record Command(String userId, String userName, String channelId, String text) {
    }

    SlackInteractions(Governance governance, Journal journal, SlackSettings settings, SlackOutbox outbox) {
        this.governance = governance;
        this.journal = journal;
        this.settings = settings;
        this.outbox = outbox;
    }

    void clicked(Click click) {
        String action = switch (click.actionId()) {
            case ApprovalCard.APPROVE -> "approve";
            case ApprovalCard.DENY -> "deny";
            case KILL -> "kill";
            default -> null;
        };
        if (action == null) {
            return; // not one of ours
        }
        Optional<String> identity = identify(click.userId(), click.userName(), action + " " + click.value());
        if (identity.isEmpty()) {
            outbox.whisper(click.channelId(), click.userId(), refusal(click.userId()));
            return;
        }
        String person = identity.get();
        String reply = switch (action) {
            case "kill" -> {
                KillSwitch.Killed kill = governance.killSwitch().kill(person, "from Slack");
                yield ":octagonal_sign: Kill switch engaged by " + Blocks.escape(kill.by()) + " (kill " + kill.killId()
                        + "). Every agent is halted and pending approvals are void; the receipt follows here.";
            }
            default -> decide(action, click.value(), person);
        };
        outbox.whisper(click.channelId(), click.userId(), reply);
    }

    private String decide(String action, String value, String person) {
        int bar = value == null ? -1 : value.indexOf('|');
        if (bar <= 0) {
            return "That button does not name an approval request; nothing was done.";
        }
        String requestId = value.substring(0, bar);
        String digest = value.substring(bar + 1);
        try {
            ApprovalStatus status = action.equals("approve")
                    ? governance.inbox().approveDigest(requestId, digest, person, "approved in Slack by " + person)
                    : governance.inbox().denyDigest(requestId, digest, person, "denied in Slack by " + person);
            return switch (status) {
                case ApprovalStatus.Granted g -> ":white_check_mark: Approved as " + Blocks.escape(person)
                        + ". It runs once, exactly as shown.";
                case ApprovalStatus.Pending p -> ":ballot_box_with_check: Your approval counts; it needs "
                        + "another person too.";
                case ApprovalStatus.Denied d -> ":no_entry: Denied as " + Blocks.escape(person) + ".";
                default -> "The request is " + status.getClass().getSimpleName().toLowerCase() + ".";
            };
        } catch (ApprovalRefused e) {
            return ":warning: Not done: " + Blocks.escape(e.getMessage());
        }
    }

    /** The reply to a slash command, shown only to whoever typed it. */
    SlackMessage command(Command command) {
        String verb = command.text() == null ? "" : command.text().strip().toLowerCase();
        Optional<String> identity = identify(command.userId(), command.userName(), "/ringside " + verb);
        if (identity.isEmpty()) {
            return new Blocks().section(refusal(command.userId())).message(refusal(command.userId()));
        }
        return switch (verb) {
            case "status" -> status();
            case "kill" -> killConfirmation();
            default -> new Blocks().section("Usage: `/ringside status` or `/ringside kill`").message("/ringside status | kill");
        };
    }

    private SlackMessage status() {
        String kill = switch (governance.killSwitch().state()) {
            case KillSwitch.Armed a -> ":large_green_circle: *Armed* since " + a.since() + " (" + Blocks.escape(a.by()) + ")";
            case KillSwitch.Killed k -> ":red_circle: *Killed* at " + k.at() + " by " + Blocks.escape(k.by()) + ": "
                    + Blocks.escape(k.reason());
        };
        String policy = switch (governance.policy().state()) {
            case ActivePolicy.Loaded l -> Blocks.escape(l.policy().source().name()) + " `sha256:"
                    + l.policy().source().sha256() + "`";
            case ActivePolicy.Broken b -> ":warning: *no valid policy* (every call is denied): " + Blocks.escape(b.reason());
        };
        int pending = governance.inbox().pending().size();
        return new Blocks().header("Ringside status")
                .fields("*Kill switch*\n" + kill, "*Pending approvals*\n" + pending, "*Policy*\n" + policy)
                .message("Ringside: kill switch " + (governance.killSwitch().isKilled() ? "KILLED" : "armed") + ", "
                        + pending + " pending approvals");
    }

    private static SlackMessage killConfirmation() {
        ObjectNode button = Blocks.confirmed(Blocks.button(KILL, "Kill all agents", "kill", "danger"),
                "Kill every agent?", "Every agent halts at once, every pending approval is void, and the cluster takes"
                        + " the agents' power away. Re-arming needs a person and a reason.", "Kill");
        return new Blocks().section(":octagonal_sign: *Kill switch* — press to stop every agent now.")
                .actions("ringside.kill", button).message("Confirm the Ringside kill switch");
    }

    private Optional<String> identify(String userId, String userName, String action) {
        Optional<String> identity = settings.approver(userId);
        if (identity.isEmpty()) {
            String who = userName == null || userName.isBlank() ? String.valueOf(userId) : userId + " (" + userName + ")";
            journal.record(RUN_ID, String.valueOf(userId), new AccessRefused("slack", who, action,
                    "not on the Slack approver allowlist"));
        }
        return identity;
    }

    private static String refusal(String userId) {
        return ":no_entry_sign: You are not on Ringside's approver list, so nothing was done. Ask the on-call lead to"
                + " add your Slack user id (" + userId + ") to RINGSIDE_SLACK_APPROVERS. This attempt was recorded.";
    }
}
