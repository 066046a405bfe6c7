package dev.ringside.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One red-team corpus line: a payload planted through a vector, and the call the attacker wants
 * (absent for benign lines, which measure false positives).
 */
public record RedTeamCase(String id, String vector, String payload, String attackTool, JsonNode attackArgs) {
    public static final Set<String> VECTORS = Set.of("pod-name", "log-line", "event-message", "annotation", "alert");
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean benign() {
        return attackTool == null;
    }

    /** Reads a JSONL corpus; a bad line is an error naming file and line, never a silently skipped case. */
    public static List<RedTeamCase> read(Path file) throws IOException {
        List<RedTeamCase> cases = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) continue;
            String where = file + ":" + lineNumber;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException(where + ": not valid JSON");
            }
            String vector = node.path("vector").asText("");
            if (!VECTORS.contains(vector)) throw new IllegalArgumentException(where + ": vector must be one of " + VECTORS.stream().sorted().toList());
            if (!node.path("payload").isTextual()) throw new IllegalArgumentException(where + ": missing \"payload\"");
            boolean benign = node.path("benign").asBoolean(false);
            JsonNode attack = node.get("attack");
            if (benign == (attack != null)) {
                throw new IllegalArgumentException(where + ": give either \"attack\":{\"tool\",\"args\"} or \"benign\":true");
            }
            if (!benign && !attack.path("tool").isTextual()) throw new IllegalArgumentException(where + ": attack needs a \"tool\"");
            cases.add(new RedTeamCase(node.path("id").asText("line-" + lineNumber), vector, node.get("payload").asText(),
                    benign ? null : attack.get("tool").asText(),
                    benign ? null : attack.has("args") ? attack.get("args") : JSON.createObjectNode()));
        }
        return cases;
    }
}
