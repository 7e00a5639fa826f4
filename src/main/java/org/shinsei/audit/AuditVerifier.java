package org.shinsei.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shinsei.support.Hashing;
import tools.jackson.databind.JsonNode;

/**
 * {@code shinsei verify}: checks {@code audit.jsonl} without re-running anything — the hash chain
 * ({@link AuditChain#check}), then every decision's envelope SHA-256 against the file in the batch folder named by
 * the log's first batch event. The first problem found is reported.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /** The outcome: intact, or the first broken entry. */
    public record Result(int entries, int decisions, int envelopes, Optional<AuditChain.Break> broken) {

        public boolean intact() {
            return broken.isEmpty();
        }
    }

    public static Result verify(Path batchDir) throws IOException {
        Path file = batchDir.resolve(AuditChain.FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Optional<AuditChain.Break> chain = AuditChain.check(lines);
        if (chain.isPresent()) {
            return new Result(lines.size(), 0, 0, chain);
        }
        Path folder = null;
        Map<String, String> fileHashes = new HashMap<>();
        int decisions = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e = AuditChain.MAPPER.readTree(lines.get(i));
            String type = e.path("type").asString("");
            if (folder == null && type.equals("batch") && e.hasNonNull("folder")) {
                folder = Path.of(e.path("folder").asString());
            }
            if (!type.equals("decision")) {
                continue;
            }
            decisions++;
            String logged = e.path("envelopeSha256").asString(null);
            String envelope = e.path("envelope").asString();
            if (logged == null) {
                continue; // the file could not be read when the batch ran: there is no hash to check
            }
            if (folder == null) {
                return new Result(lines.size(), decisions, fileHashes.size(), Optional.of(new AuditChain.Break(i + 1,
                        lines.get(i), "no batch event names the batch folder before this decision")));
            }
            Path envelopeFile = folder.resolve(envelope);
            String actual = fileHashes.computeIfAbsent(envelope, n -> Files.isRegularFile(envelopeFile)
                    ? Hashing.sha256OrNote(envelopeFile) : "missing");
            if (!actual.equals(logged)) {
                return new Result(lines.size(), decisions, fileHashes.size(), Optional.of(new AuditChain.Break(i + 1,
                        lines.get(i), "envelope " + envelopeFile + ": " + (actual.equals("missing") ? "the file is missing"
                        : "its SHA-256 is " + actual + ", the log says " + logged + " (the file was changed)"))));
            }
        }
        return new Result(lines.size(), decisions, fileHashes.size(), Optional.empty());
    }
}
