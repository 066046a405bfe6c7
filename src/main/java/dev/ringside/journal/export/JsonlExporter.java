package dev.ringside.journal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.journal.EventCodec;
import dev.ringside.journal.JournalEntry;
import dev.ringside.journal.RunReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a run as JSON Lines: one object per event,
 * {@code {"id":…,"at":"ISO-8601","run":…,"agent":…,"type":…, <the event's fields>}}.
 * Reads the run page by page, so a run of any length streams in bounded memory.
 */
public final class JsonlExporter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 5_000;

    private final RunReader journal;

    public JsonlExporter(RunReader journal) {
        this.journal = journal;
    }

    /** Writes every committed event of {@code runId} to {@code out} and returns how many. */
    public long export(String runId, Writer out) throws IOException {
        long written = 0;
        long after = 0;
        for (List<JournalEntry> page = journal.readRun(runId, after, PAGE); !page.isEmpty();
             page = journal.readRun(runId, after, PAGE)) {
            for (JournalEntry entry : page) {
                out.write(line(entry));
                out.write('\n');
                written++;
            }
            after = page.getLast().id();
        }
        out.flush();
        return written;
    }

    /** One event as a JSON object on a single line (no trailing newline). */
    public static String line(JournalEntry entry) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("id", entry.id());
        line.put("at", entry.at().toString());
        line.put("run", entry.runId());
        line.put("agent", entry.agent());
        line.put("type", entry.type());
        try {
            line.setAll((ObjectNode) MAPPER.readTree(EventCodec.encode(entry.event())));
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
