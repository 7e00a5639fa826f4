package org.shinsei.output;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an operator looks at in the morning: every batch in the database with the state of its last run (from Spring
 * Batch's job repository), its records per outcome and how many are not yet published.
 */
@Repository
public class BatchOverview {

    /**
     * @param state     the status of the batch's last job execution (COMPLETED, FAILED, STARTED = running or killed,
     *                  STOPPED…), or NONE when it never started a job
     * @param lastRun   when that execution started, or null
     */
    public record Row(String batchId, LocalDate batchDate, String folder, String state, LocalDateTime lastRun,
                      int envelopes, int records, int accepted, int rejected, int review, int unpublished) {
    }

    private final JdbcClient jdbc;

    public BatchOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest batch first. */
    public List<Row> batches() {
        return jdbc.sql("""
                SELECT b.batch_id, b.batch_date, b.folder,
                  (SELECT COUNT(*) FROM envelope e WHERE e.batch_id = b.batch_id) AS envelopes,
                  (SELECT COUNT(*) FROM form_record r WHERE r.batch_id = b.batch_id) AS records,
                  (SELECT COUNT(*) FROM form_record r WHERE r.batch_id = b.batch_id AND r.outcome = 'ACCEPTED') AS acc,
                  (SELECT COUNT(*) FROM form_record r WHERE r.batch_id = b.batch_id AND r.outcome = 'REJECTED') AS rej,
                  (SELECT COUNT(*) FROM form_record r WHERE r.batch_id = b.batch_id AND r.outcome = 'REVIEW') AS rev,
                  (SELECT COUNT(*) FROM form_record r WHERE r.batch_id = b.batch_id AND r.published = FALSE) AS unpub
                FROM batch_run b ORDER BY b.batch_date DESC, b.batch_id DESC""")
                .query((rs, i) -> {
                    String id = rs.getString("batch_id");
                    Object[] last = lastExecution(id);
                    return new Row(id, rs.getDate("batch_date").toLocalDate(), rs.getString("folder"),
                            (String) last[0], (LocalDateTime) last[1], rs.getInt("envelopes"), rs.getInt("records"),
                            rs.getInt("acc"), rs.getInt("rej"), rs.getInt("rev"), rs.getInt("unpub"));
                }).list();
    }

    private Object[] lastExecution(String batchId) {
        return jdbc.sql("""
                SELECT e.STATUS, e.START_TIME FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE p.PARAMETER_NAME = 'batchId' AND p.PARAMETER_VALUE = ?
                ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1""")
                .param(batchId)
                .query((rs, i) -> {
                    Timestamp started = rs.getTimestamp(2);
                    return new Object[] {rs.getString(1), started == null ? null : started.toLocalDateTime()};
                })
                .optional().orElse(new Object[] {"NONE", null});
    }
}
