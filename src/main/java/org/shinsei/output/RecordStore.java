package org.shinsei.output;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.shinsei.decision.ReasonCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records in H2, unique on batch + envelope + page: writing the same record again (a restarted chunk)
 * replaces it, never doubles it.
 */
@Repository
public class RecordStore {

    private final JdbcClient jdbc;

    public RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(FormRecord r) {
        jdbc.sql("""
                MERGE INTO form_record t
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1000)), CAST(? AS INT), CAST(? AS CHAR(23)),
                               CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR)))
                      s(batch_id, envelope, page_key, application_id, outcome, record_json)
                ON t.batch_id = s.batch_id AND t.envelope = s.envelope AND t.page_key = s.page_key
                WHEN MATCHED THEN UPDATE SET application_id = s.application_id, outcome = s.outcome,
                     record_json = s.record_json, published = FALSE
                WHEN NOT MATCHED THEN INSERT (batch_id, envelope, page_key, application_id, outcome, record_json, published)
                VALUES (s.batch_id, s.envelope, s.page_key, s.application_id, s.outcome, s.record_json, FALSE)""")
                .params(r.batch(), r.envelope(), pageKey(r), r.applicationId(), r.outcome().name(), RecordJson.write(r))
                .update();
    }

    /** Replaces a record's content (same key), keeping its published flag. */
    public void update(FormRecord r) {
        jdbc.sql("""
                UPDATE form_record SET application_id = ?, outcome = ?, record_json = ?
                WHERE batch_id = ? AND envelope = ? AND page_key = ?""")
                .params(r.applicationId(), r.outcome().name(), RecordJson.write(r), r.batch(), r.envelope(), pageKey(r))
                .update();
    }

    /** Every record of the batch in envelope file-name order, then page order. */
    public List<FormRecord> records(String batchId) {
        return jdbc.sql("SELECT record_json FROM form_record WHERE batch_id = ? ORDER BY envelope, page_key")
                .param(batchId).query((rs, i) -> RecordJson.read(rs.getString(1))).list();
    }

    public List<FormRecord> unpublished(String batchId) {
        return jdbc.sql("""
                SELECT record_json FROM form_record WHERE batch_id = ? AND published = FALSE
                ORDER BY envelope, page_key""")
                .param(batchId).query((rs, i) -> RecordJson.read(rs.getString(1))).list();
    }

    /** The first {@code limit} records of the batch not yet published, in envelope, page order. */
    public List<FormRecord> unpublished(String batchId, int limit) {
        return jdbc.sql("""
                SELECT record_json FROM form_record WHERE batch_id = ? AND published = FALSE
                ORDER BY envelope, page_key LIMIT ?""")
                .params(batchId, limit).query((rs, i) -> RecordJson.read(rs.getString(1))).list();
    }

    /** How many records of the batch are published ({@code true}) and not yet ({@code false}). */
    public int count(String batchId, boolean published) {
        return jdbc.sql("SELECT COUNT(*) FROM form_record WHERE batch_id = ? AND published = ?")
                .params(batchId, published).query(Integer.class).single();
    }

    /** The keys ({@link #pageKey}) of the batch's records already published, as {@code envelope#pageKey}. */
    public Set<String> publishedKeys(String batchId) {
        return new LinkedHashSet<>(jdbc.sql("""
                SELECT envelope || '#' || page_key FROM form_record WHERE batch_id = ? AND published = TRUE""")
                .param(batchId).query(String.class).list());
    }

    public void markPublished(FormRecord r) {
        jdbc.sql("UPDATE form_record SET published = TRUE WHERE batch_id = ? AND envelope = ? AND page_key = ?")
                .params(r.batch(), r.envelope(), pageKey(r)).update();
    }

    /**
     * Application IDs of forms in any other batch that count as the original of a later form (SPEC §3
     * DUPLICATE_APPLICATION): accepted, or awaiting a person (REVIEW) for a reason other than being a duplicate
     * themselves — a form flagged as the duplicate of another is nobody's original.
     */
    public Set<String> originalsElsewhere(String batchId) {
        Set<String> ids = new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT application_id FROM form_record
                WHERE batch_id <> ? AND outcome = 'ACCEPTED' AND application_id IS NOT NULL""")
                .param(batchId).query(String.class).list());
        jdbc.sql("""
                SELECT record_json FROM form_record
                WHERE batch_id <> ? AND outcome = 'REVIEW' AND application_id IS NOT NULL""")
                .param(batchId).query((rs, i) -> RecordJson.read(rs.getString(1))).list().stream()
                .filter(r -> !r.has(ReasonCode.DUPLICATE_APPLICATION))
                .forEach(r -> ids.add(r.applicationId()));
        return ids;
    }

    public static int pageKey(FormRecord r) {
        return r.page() == null ? 0 : r.page();
    }
}
