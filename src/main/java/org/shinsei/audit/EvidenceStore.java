package org.shinsei.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.shinsei.output.Crop;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence behind each record in H2 (tables {@code audit_environment}, {@code record_evidence},
 * {@code record_crop}), written with the records in the analyze step's chunk transaction. Keys are batch +
 * envelope + page (+ crop kind): a restarted chunk replaces its rows, never doubles them. The environment row is
 * content-addressed and shared by every record decided in it: it is stored once per process, in a transaction of its
 * own, so that worker threads or processes storing the same environment at the same moment cannot fail each other's
 * chunks.
 */
@Repository
public class EvidenceStore {

    private final JdbcClient jdbc;
    private final AuditEnvironment environment;
    private final TransactionTemplate ownTransaction;
    private final Set<String> storedEnvironments = ConcurrentHashMap.newKeySet();

    public EvidenceStore(JdbcClient jdbc, AuditEnvironment environment, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores the evidence of {@code record} (null: a formless envelope, only the environment is kept). */
    public void save(FormRecord record, RecordEvidence evidence) {
        String envSha = storeEnvironment(environment.current());
        int pageKey = RecordStore.pageKey(record);
        String json = AuditEnvironment.CANONICAL.writeValueAsString(evidence == null ? Map.of() : evidence.measurements());
        jdbc.sql("""
                MERGE INTO record_evidence t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1000)), CAST(? AS INT), CAST(? AS CHAR(64)),
                               CAST(? AS VARCHAR))) s(batch_id, envelope, page_key, environment_sha, evidence_json)
                ON t.batch_id = s.batch_id AND t.envelope = s.envelope AND t.page_key = s.page_key
                WHEN MATCHED THEN UPDATE SET environment_sha = s.environment_sha, evidence_json = s.evidence_json
                WHEN NOT MATCHED THEN INSERT (batch_id, envelope, page_key, environment_sha, evidence_json)
                VALUES (s.batch_id, s.envelope, s.page_key, s.environment_sha, s.evidence_json)""")
                .params(record.batch(), record.envelope(), pageKey, envSha, json).update();
        jdbc.sql("DELETE FROM record_crop WHERE batch_id = ? AND envelope = ? AND page_key = ?")
                .params(record.batch(), record.envelope(), pageKey).update();
        if (evidence != null) {
            for (Crop c : evidence.crops()) {
                jdbc.sql("""
                        INSERT INTO record_crop (batch_id, envelope, page_key, kind, px_per_mm, width_px, height_px, jpeg)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(record.batch(), record.envelope(), pageKey, c.kind(), c.pxPerMm(), c.widthPx(),
                                c.heightPx(), c.jpeg()).update();
            }
        }
    }

    /** A stored row of record_evidence. */
    public record Stored(String envelope, int pageKey, String environmentSha, String evidenceJson) {
    }

    /** Every record's evidence of the batch, keyed by {@link #key}. */
    public Map<String, Stored> evidence(String batchId) {
        Map<String, Stored> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT envelope, page_key, environment_sha, evidence_json FROM record_evidence
                WHERE batch_id = ? ORDER BY envelope, page_key""").param(batchId)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list().forEach(s -> out.put(key(s.envelope(), s.pageKey()), s));
        return out;
    }

    /** The environments the batch's records were decided in, as stored (canonical JSON), by hash. */
    public Map<String, String> environments(String batchId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.sha256, e.environment_json FROM audit_environment e WHERE e.sha256 IN
                (SELECT environment_sha FROM record_evidence WHERE batch_id = ?) ORDER BY e.sha256""").param(batchId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The crops of the batch's records, keyed by {@link #key}, in a fixed order of kinds. */
    public Map<String, List<Crop>> crops(String batchId) {
        Map<String, List<Crop>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT envelope, page_key, kind, px_per_mm, width_px, height_px, jpeg FROM record_crop
                WHERE batch_id = ? ORDER BY envelope, page_key,
                CASE kind WHEN 'photo' THEN 0 WHEN 'photo-area' THEN 1 ELSE 2 END, kind""").param(batchId)
                .query((rs, i) -> Map.entry(key(rs.getString(1), rs.getInt(2)),
                        new Crop(rs.getString(3), rs.getDouble(4), rs.getInt(5), rs.getInt(6), rs.getBytes(7))))
                .list().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    public static String key(String envelope, int pageKey) {
        return envelope + "#" + pageKey;
    }

    public static String key(FormRecord r) {
        return key(r.envelope(), RecordStore.pageKey(r));
    }

    /** The environment's row, committed before the records that refer to it; once per process and environment. */
    private String storeEnvironment(AuditEnvironment.Snapshot env) {
        String sha = env.sha256();
        if (!storedEnvironments.contains(sha)) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        MERGE INTO audit_environment t USING (VALUES (CAST(? AS CHAR(64)))) s(sha256) ON t.sha256 = s.sha256
                        WHEN NOT MATCHED THEN INSERT (sha256, environment_json) VALUES (s.sha256, ?)""")
                        .params(sha, AuditEnvironment.CANONICAL.writeValueAsString(env)).update());
            } catch (DuplicateKeyException e) {
                // another thread or worker process stored the same environment first: the row is there
            }
            storedEnvironments.add(sha);
        }
        return sha;
    }
}
