package org.shinsei.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.shinsei.decision.Outcome;
import org.shinsei.output.BatchHistory;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code <out>/<batch-id>/audit.jsonl} from H2 at the end of the job (the report step), whole and in a
 * fixed order: the batch's runs (start, resumes, reruns, from Spring Batch's job repository), the environments its
 * records were decided in (with the full effective configuration), one decision per record in envelope then page
 * order, and the closing {@code complete} event. Because it is rebuilt from committed data every time, a crash
 * or resume can neither double nor lose an entry; a rerun of the batch rewrites it with the new runs and records.
 */
@Component
public class AuditLogWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditLogWriter.class);

    private final RecordStore records;
    private final EvidenceStore evidence;
    private final BatchHistory history;
    private final JdbcClient jdbc;

    public AuditLogWriter(RecordStore records, EvidenceStore evidence, BatchHistory history, JdbcClient jdbc) {
        this.records = records;
        this.evidence = evidence;
        this.history = history;
        this.jdbc = jdbc;
    }

    public Path write(String batchId, Path batchDir) throws IOException {
        var run = jdbc.sql("SELECT folder, batch_date FROM batch_run WHERE batch_id = ?").param(batchId)
                .query((rs, i) -> new String[] {rs.getString(1), String.valueOf(rs.getDate(2).toLocalDate())}).single();
        List<ObjectNode> entries = new ArrayList<>();
        for (BatchHistory.Execution e : history.executions(batchId)) {
            ObjectNode o = AuditChain.MAPPER.createObjectNode();
            o.put("type", "batch");
            o.put("event", e.event());
            o.put("batch", batchId);
            o.put("run", e.runNo());
            o.put("execution", e.id());
            o.put("startedAt", String.valueOf(e.start()));
            o.put("endedAt", e.end() == null ? null : e.end().toString());
            o.put("status", e.status());
            o.put("folder", run[0]);
            o.put("batchDate", run[1]);
            entries.add(o);
        }
        Map<String, String> environments = evidence.environments(batchId);
        Map<String, JsonNode> summaries = new java.util.HashMap<>();
        environments.forEach((sha, json) -> {
            ObjectNode o = AuditChain.MAPPER.createObjectNode();
            o.put("type", "environment");
            o.put("environmentSha256", sha);
            ObjectNode summary = DecisionEntries.environmentSummary(json);
            summaries.put(sha, summary);
            o.set("environment", summary);
            o.set("configuration", AuditChain.MAPPER.readTree(AuditChain.MAPPER.readTree(json).path("configuration").asString()));
            entries.add(o);
        });
        Map<String, EvidenceStore.Stored> stored = evidence.evidence(batchId);
        List<FormRecord> all = records.records(batchId);
        long[] counts = new long[Outcome.values().length];
        for (FormRecord r : all) {
            EvidenceStore.Stored s = stored.get(EvidenceStore.key(r));
            entries.add(DecisionEntries.decision(r, s == null ? null : s.evidenceJson(),
                    s == null ? null : summaries.get(s.environmentSha())));
            counts[r.outcome().ordinal()]++;
        }
        ObjectNode complete = AuditChain.MAPPER.createObjectNode();
        complete.put("type", "batch");
        complete.put("event", "complete");
        complete.put("batch", batchId);
        complete.put("records", all.size());
        for (Outcome o : Outcome.values()) {
            complete.put(o.name().toLowerCase(java.util.Locale.ROOT), counts[o.ordinal()]);
        }
        entries.add(complete);
        complete.put("entries", entries.size());

        Files.createDirectories(batchDir);
        Path target = batchDir.resolve(AuditChain.FILE);
        Path tmp = batchDir.resolve(AuditChain.FILE + ".tmp");
        String prev = AuditChain.GENESIS;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            long seq = 1;
            for (ObjectNode body : entries) {
                ObjectNode withSeq = AuditChain.MAPPER.createObjectNode();
                withSeq.put("seq", seq++);
                withSeq.setAll(body);
                withSeq.put("prev", prev);
                AuditChain.Sealed sealed = AuditChain.seal(withSeq);
                w.write(sealed.line());
                w.write('\n');
                prev = sealed.sha256();
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("audit: {} entries in {}, last sha256 {}", entries.size(), target, prev);
        return target;
    }
}
