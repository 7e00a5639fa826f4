package org.shinsei.audit;

import java.util.List;
import java.util.Optional;

import org.shinsei.support.Hashing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash chain of {@code audit.jsonl}. Each line is one JSON object whose last member is
 * {@code "sha256"}: the SHA-256 of the line's own text without that member (the object closed right before it).
 * Every entry carries {@code "seq"} (1, 2, …) and {@code "prev"}, the previous entry's {@code sha256}
 * ({@value #GENESIS_TEXT} for the first); the last entry is the batch's {@code complete} event, which states how
 * many entries the log has. So a changed byte breaks that entry's hash, a deleted, inserted or swapped entry
 * breaks a {@code prev} or {@code seq}, and a cut-off tail loses the {@code complete} entry.
 */
public final class AuditChain {

    public static final String FILE = "audit.jsonl";
    static final String GENESIS_TEXT = "0000000000000000000000000000000000000000000000000000000000000000";
    public static final String GENESIS = GENESIS_TEXT;
    private static final String SEAL = ",\"sha256\":\"";

    /** Insertion order: the entry reads in the order it was built. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AuditChain() {
    }

    /** The line for {@code body} (which already has seq and prev), and its hash. */
    public record Sealed(String line, String sha256) {
    }

    public static Sealed seal(ObjectNode body) {
        String text = MAPPER.writeValueAsString(body);
        String hash = Hashing.sha256(text);
        return new Sealed(text.substring(0, text.length() - 1) + SEAL + hash + "\"}", hash);
    }

    /** Where the chain first breaks, or empty when it is intact. */
    public record Break(int lineNo, String entry, String problem) {

        @Override
        public String toString() {
            return "entry " + lineNo + ": " + problem + "\n  " + (entry.length() > 300 ? entry.substring(0, 300) + "…" : entry);
        }
    }

    /** Checks the chain of {@code lines} (the whole file); the entries are parsed only when their hash holds. */
    public static Optional<Break> check(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.of(new Break(0, "", "the log is empty"));
        }
        String prev = GENESIS;
        JsonNode last = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            int at = line.lastIndexOf(SEAL);
            if (at < 0 || !line.endsWith("\"}") || line.length() - at != SEAL.length() + 64 + 2) {
                return Optional.of(new Break(n, line, "no sha256 at the end of the entry"));
            }
            String body = line.substring(0, at) + "}";
            String stated = line.substring(at + SEAL.length(), line.length() - 2);
            if (!Hashing.sha256(body).equals(stated)) {
                return Optional.of(new Break(n, line, "the entry does not match its sha256 (it was changed)"));
            }
            JsonNode entry;
            try {
                entry = MAPPER.readTree(body);
            } catch (RuntimeException e) {
                return Optional.of(new Break(n, line, "not JSON: " + e.getClass().getSimpleName()));
            }
            if (entry.path("seq").asLong(-1) != n) {
                return Optional.of(new Break(n, line, "seq " + entry.path("seq") + " where " + n
                        + " was expected (an entry was deleted, inserted or moved)"));
            }
            if (!prev.equals(entry.path("prev").asString(""))) {
                return Optional.of(new Break(n, line, "prev does not match the sha256 of entry " + (n - 1)
                        + " (an entry was deleted, inserted or moved)"));
            }
            prev = stated;
            last = entry;
        }
        if (!"complete".equals(last.path("event").asString("")) || last.path("entries").asLong(-1) != lines.size()) {
            return Optional.of(new Break(lines.size(), lines.get(lines.size() - 1),
                    "the log does not end with its complete entry for " + lines.size() + " entries (it was cut short)"));
        }
        return Optional.empty();
    }
}
