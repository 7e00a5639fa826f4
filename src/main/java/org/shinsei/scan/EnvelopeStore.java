package org.shinsei.scan;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The batches and their envelopes in H2: what was found in the folder and what is still to analyse. */
@Repository
public class EnvelopeStore {

    private final JdbcClient jdbc;

    public EnvelopeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the batch on its first run; later runs keep the first folder and date. */
    public void registerBatch(String batchId, Path folder, LocalDate batchDate) {
        jdbc.sql("""
                MERGE INTO batch_run t USING (VALUES (CAST(? AS VARCHAR(64)))) s(batch_id) ON t.batch_id = s.batch_id
                WHEN NOT MATCHED THEN INSERT (batch_id, folder, batch_date, created_at) VALUES (?, ?, ?, ?)""")
                .params(batchId, batchId, folder.toString(), batchDate, Timestamp.from(Instant.now()))
                .update();
    }

    public Optional<Path> folder(String batchId) {
        return jdbc.sql("SELECT folder FROM batch_run WHERE batch_id = ?").param(batchId)
                .query(String.class).optional().map(Path::of);
    }

    /** Adds an envelope if this batch does not know it yet; returns true when it was new. */
    public boolean register(String batchId, String name, String sha256, Long sizeBytes) {
        return jdbc.sql("""
                MERGE INTO envelope t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1000)))) s(batch_id, name)
                ON t.batch_id = s.batch_id AND t.name = s.name
                WHEN NOT MATCHED THEN INSERT (batch_id, name, sha256, size_bytes, status, registered_at)
                VALUES (?, ?, ?, ?, 'PENDING', ?)""")
                .params(batchId, name, batchId, name, sha256, sizeBytes, Timestamp.from(Instant.now()))
                .update() > 0;
    }

    /** The envelopes still to analyse, in file-name order. */
    public List<Envelope> pending(String batchId, Path folder) {
        return jdbc.sql("SELECT name, sha256 FROM envelope WHERE batch_id = ? AND status = 'PENDING' ORDER BY name")
                .param(batchId)
                .query((rs, i) -> new Envelope(batchId, rs.getString(1), folder.resolve(rs.getString(1)), rs.getString(2)))
                .list();
    }

    /** The envelopes still to analyse whose names lie in {@code [first, last]}, in file-name order (one partition). */
    public List<Envelope> pending(String batchId, Path folder, String first, String last) {
        return jdbc.sql("""
                SELECT name, sha256 FROM envelope
                WHERE batch_id = ? AND status = 'PENDING' AND name >= ? AND name <= ? ORDER BY name""")
                .params(batchId, first, last)
                .query((rs, i) -> new Envelope(batchId, rs.getString(1), folder.resolve(rs.getString(1)), rs.getString(2)))
                .list();
    }

    public void markAnalyzed(String batchId, String name, long millis) {
        jdbc.sql("UPDATE envelope SET status = 'ANALYZED', analyzed_ms = ? WHERE batch_id = ? AND name = ?")
                .params(millis, batchId, name).update();
    }

    public int count(String batchId) {
        return jdbc.sql("SELECT COUNT(*) FROM envelope WHERE batch_id = ?").param(batchId).query(Integer.class).single();
    }
}
