package dev.ringside.gate;

import java.util.List;

/** The target's state before a write: its resourceVersion and what would change. */
public record Preview(String resourceVersion, BlastRadius blastRadius) {
    public static final Preview NONE = new Preview(null, BlastRadius.NONE);

    /** Objects a write affects and, per field, the value before and after. */
    public record BlastRadius(List<String> objects, List<FieldChange> changes) {
        public static final BlastRadius NONE = new BlastRadius(List.of(), List.of());

        public BlastRadius {
            objects = List.copyOf(objects);
            changes = List.copyOf(changes);
        }

        /** One line per object and change, for approval cards and the journal. */
        public String summary() {
            if (objects.isEmpty()) return "no objects affected";
            StringBuilder text = new StringBuilder(objects.size() + " object(s): " + String.join(", ", objects));
            for (FieldChange change : changes) {
                text.append("\n").append(change.object()).append(" ").append(change.field()).append(": ")
                        .append(change.before()).append(" -> ").append(change.after());
            }
            return text.toString();
        }
    }

    public record FieldChange(String object, String field, String before, String after) {
    }
}
