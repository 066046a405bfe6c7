package dev.ringside.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns event payloads into canonical JSON and back.
 *
 * <p>Encoding writes the record's components directly (sorted by name, in {@link CanonicalJson}'s
 * spelling) rather than going through a general serializer: it runs on the gate's decision path,
 * and the audit hash needs the canonical form anyway. Payload fields are only strings, ints,
 * longs, booleans and instants (ISO-8601 strings), so no floating-point spelling is involved.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<EventType, Shape> SHAPES = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            SHAPES.put(type, Shape.of(type.recordClass()));
        }
    }

    private EventCodec() {
    }

    /** The payload of {@code event} as canonical JSON (an object of the record's components). */
    public static String encode(TraceEvent event) {
        Shape shape = SHAPES.get(EventType.of(event));
        StringBuilder out = new StringBuilder(128);
        out.append('{');
        for (int i = 0; i < shape.sorted.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            CanonicalJson.appendString(shape.sorted[i].getName(), out);
            out.append(':');
            appendValue(shape.read(i, event), out);
        }
        return out.append('}').toString();
    }

    /** Rebuilds the event stored under wire name {@code type} from its payload JSON. */
    public static TraceEvent decode(String type, String payloadJson) {
        Shape shape = SHAPES.get(EventType.named(type));
        JsonNode payload;
        try {
            payload = MAPPER.readTree(payloadJson);
        } catch (Exception e) {
            throw new JournalException("stored " + type + " payload is not valid JSON: " + e.getMessage(), e);
        }
        Object[] args = new Object[shape.declared.length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent component = shape.declared[i];
            args[i] = fromJson(payload.get(component.getName()), component.getType(), type, component.getName());
        }
        return shape.construct(args);
    }

    private static void appendValue(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> CanonicalJson.appendString(s, out);
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Boolean b -> out.append(b.booleanValue());
            case Instant t -> CanonicalJson.appendString(t.toString(), out);
            default -> throw new IllegalStateException("trace event field of unsupported type " + value.getClass());
        }
    }

    private static Object fromJson(JsonNode node, Class<?> type, String eventType, String field) {
        boolean absent = node == null || node.isNull();
        if (type == String.class) {
            return absent ? null : node.asText();
        }
        if (type == Instant.class) {
            return absent ? null : Instant.parse(node.asText());
        }
        if (absent) {
            throw new JournalException("stored " + eventType + " payload lacks required field '" + field + "'");
        }
        if (type == int.class) {
            return node.asInt();
        }
        if (type == long.class) {
            return node.asLong();
        }
        if (type == boolean.class) {
            return node.asBoolean();
        }
        throw new IllegalStateException("trace event field of unsupported type " + type);
    }

    /** Cached reflective view of one record class. */
    private record Shape(RecordComponent[] declared, RecordComponent[] sorted, Method[] sortedAccessors,
                         Constructor<? extends TraceEvent> constructor) {

        static Shape of(Class<? extends TraceEvent> recordClass) {
            RecordComponent[] declared = recordClass.getRecordComponents();
            RecordComponent[] sorted = declared.clone();
            Arrays.sort(sorted, Comparator.comparing(RecordComponent::getName));
            Method[] accessors = Arrays.stream(sorted).map(RecordComponent::getAccessor).toArray(Method[]::new);
            Class<?>[] types = Arrays.stream(declared).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return new Shape(declared, sorted, accessors, recordClass.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + recordClass, e);
            }
        }

        Object read(int sortedIndex, TraceEvent event) {
            try {
                return sortedAccessors[sortedIndex].invoke(event);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + sorted[sortedIndex] + " of " + event.getClass(), e);
            }
        }

        TraceEvent construct(Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new JournalException("cannot rebuild " + constructor.getDeclaringClass().getSimpleName()
                        + " from the journal: " + e.getMessage(), e);
            }
        }
    }
}
