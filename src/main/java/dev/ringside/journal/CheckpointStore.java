package dev.ringside.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signed checkpoint files in a directory outside the database, one JSON file per checkpoint.
 * Files are never overwritten: if an older copy of the journal is put back and written on, the
 * checkpoints it contradicts are still there.
 */
final class CheckpointStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".json";

    private final Path dir;
    private PrivateKey signingKey;

    CheckpointStore(Path dir) {
        this.dir = dir;
    }

    Path directory() {
        return dir;
    }

    /** Signs and durably writes {@code checkpoint}. */
    void write(Checkpoint checkpoint) {
        try {
            Files.createDirectories(dir);
            if (signingKey == null) {
                signingKey = CheckpointKeys.loadOrCreatePrivate(dir);
            }
            byte[] signature = CheckpointKeys.sign(signingKey, checkpoint.signedBytes());
            ObjectNode file = MAPPER.createObjectNode();
            file.set("checkpoint", MAPPER.readTree(checkpoint.signedBytes()));
            file.put("signature", Base64.getEncoder().encodeToString(signature));
            writeDurably(fileNameFor(checkpoint), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
        } catch (IOException e) {
            throw new JournalException("cannot write checkpoint to " + dir + ": " + e, e);
        }
    }

    /** Every checkpoint file in the directory, in seq order. Throws for a file that cannot be read as one. */
    List<StoredCheckpoint> readAll() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<StoredCheckpoint> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(CheckpointStore::isCheckpointFile).toList()) {
                found.add(read(file));
            }
        } catch (IOException e) {
            throw new JournalException("cannot list checkpoints in " + dir + ": " + e, e);
        }
        found.sort(Comparator.comparingLong((StoredCheckpoint s) -> s.checkpoint().seq())
                .thenComparing(s -> s.checkpoint().at()));
        return found;
    }

    private static boolean isCheckpointFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static StoredCheckpoint read(Path file) {
        try {
            JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
            JsonNode c = root.path("checkpoint");
            Checkpoint checkpoint = new Checkpoint(
                    required(c, "journalId", file).asText(),
                    required(c, "seq", file).asLong(),
                    required(c, "headHash", file).asText(),
                    required(c, "links", file).asLong(),
                    Instant.parse(required(c, "at", file).asText()),
                    required(c, "triggersDigest", file).asText());
            byte[] signature = Base64.getDecoder().decode(required(root, "signature", file).asText());
            return new StoredCheckpoint(file, checkpoint, signature);
        } catch (IOException | RuntimeException e) {
            throw new JournalException("checkpoint " + file + " is unreadable (" + e.getMessage()
                    + "); it may have been edited", e);
        }
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new JournalException("checkpoint " + file + " lacks '" + field + "'");
        }
        return value;
    }

    private Path fileNameFor(Checkpoint checkpoint) {
        long micros = checkpoint.at().getEpochSecond() * 1_000_000 + checkpoint.at().getNano() / 1_000;
        return dir.resolve("%s%012d-%d%s".formatted(PREFIX, checkpoint.seq(), micros, SUFFIX));
    }

    private static void writeDurably(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        Path free = target;
        for (int n = 1; Files.exists(free); n++) {
            free = target.resolveSibling(target.getFileName().toString().replace(SUFFIX, "-" + n + SUFFIX));
        }
        try {
            Files.move(temp, free, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temp, free);
        }
    }

    /** A checkpoint as found on disk, not yet checked. */
    record StoredCheckpoint(Path file, Checkpoint checkpoint, byte[] signature) {
    }
}
