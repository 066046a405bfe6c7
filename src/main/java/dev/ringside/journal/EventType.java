package dev.ringside.journal;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed table of trace event kinds: wire name, record class and whether the event is audited.
 * Wire names are a storage and export contract; never rename them.
 */
public enum EventType {
    RUN_STARTED("run_started", TraceEvent.RunStarted.class, false),
    RUN_ENDED("run_ended", TraceEvent.RunEnded.class, false),
    MODEL_REQUEST("model_request", TraceEvent.ModelRequest.class, false),
    MODEL_RESPONSE("model_response", TraceEvent.ModelResponse.class, false),
    TOOL_CALL_PROPOSED("tool_call_proposed", TraceEvent.ToolCallProposed.class, false),
    DECISION_MADE("decision_made", TraceEvent.DecisionMade.class, true),
    APPROVAL_REQUESTED("approval_requested", TraceEvent.ApprovalRequested.class, true),
    APPROVAL_DECIDED("approval_decided", TraceEvent.ApprovalDecided.class, true),
    APPROVAL_EXPIRED("approval_expired", TraceEvent.ApprovalExpired.class, true),
    TOOL_RESULT("tool_result", TraceEvent.ToolResult.class, false),
    INJECTION_FLAGGED("injection_flagged", TraceEvent.InjectionFlagged.class, false),
    BREAKER_CHANGED("breaker_changed", TraceEvent.BreakerChanged.class, true),
    KILL_STEP("kill_step", TraceEvent.KillStep.class, true),
    ACCESS_REFUSED("access_refused", TraceEvent.AccessRefused.class, true),
    KILL_REVOCATION("kill_revocation", TraceEvent.KillRevocation.class, true);

    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));
    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Class<? extends TraceEvent> recordClass;
    private final boolean audited;

    EventType(String wireName, Class<? extends TraceEvent> recordClass, boolean audited) {
        this.wireName = wireName;
        this.recordClass = recordClass;
        this.audited = audited;
    }

    /** The kind of the given event. */
    public static EventType of(TraceEvent event) {
        return BY_CLASS.get(event.getClass());
    }

    /** The kind stored under {@code wireName}; throws {@link JournalException} for a name this version does not know. */
    public static EventType named(String wireName) {
        EventType type = BY_NAME.get(wireName);
        if (type == null) {
            throw new JournalException("unknown trace event type '" + wireName
                    + "' (written by a newer Ringside?); known types: " + BY_NAME.keySet());
        }
        return type;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends TraceEvent> recordClass() {
        return recordClass;
    }

    public boolean audited() {
        return audited;
    }
}
