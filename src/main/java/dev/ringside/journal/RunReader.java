package dev.ringside.journal;

import java.util.ArrayList;
import java.util.List;

/** Reads the committed events of one run: the live {@link Journal}, or a {@link ReadOnlyJournal} file. */
public interface RunReader {

    /** Events per query when a whole run is read. */
    int READ_PAGE = 10_000;

    /** Up to {@code limit} committed events of a run with id greater than {@code afterId} (start with 0). */
    List<JournalEntry> readRun(String runId, long afterId, int limit);

    /** Every committed event of a run, in order, read page by page. For long runs prefer the paged variant. */
    default List<JournalEntry> readRun(String runId) {
        List<JournalEntry> all = new ArrayList<>();
        for (List<JournalEntry> page = readRun(runId, 0, READ_PAGE); !page.isEmpty();
             page = readRun(runId, page.getLast().id(), READ_PAGE)) {
            all.addAll(page);
        }
        return all;
    }
}
