package dev.ringside.ui.backend;

import dev.ringside.journal.JournalEntry;
import java.util.List;
import java.util.function.Consumer;

/** The journal as a stream: what happened so far, then every new entry as it is committed. */
public interface LiveEvents {

    /** The most recent {@code limit} entries, oldest first. */
    List<JournalEntry> recent(int limit);

    /** Calls {@code sink} on a background thread for each entry committed from now on; close to stop. */
    AutoCloseable subscribe(Consumer<JournalEntry> sink);
}
