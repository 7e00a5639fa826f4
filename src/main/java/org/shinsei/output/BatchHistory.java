package org.shinsei.output;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A batch's runs as Spring Batch's job repository in H2 records them: every execution (first start, resumes after
 * a failure or crash, reruns of a completed batch) with its steps, in the order they happened. Read with SQL so
 * that a report can be regenerated long after the run.
 */
@Repository
public class BatchHistory {

    private final JdbcClient jdbc;

    public BatchHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One step of an execution. */
    public record Step(String name, LocalDateTime start, LocalDateTime end, String status, long read, long write) {

        public Double seconds() {
            return start == null || end == null ? null : Duration.between(start, end).toMillis() / 1000.0;
        }
    }

    /**
     * One job execution of the batch.
     *
     * @param event {@code start} (the batch's first run), {@code resume} (a restart of an interrupted run) or
     *              {@code rerun} (a completed batch run again for envelopes added since)
     */
    public record Execution(long id, long runNo, String event, LocalDateTime start, LocalDateTime end, String status,
                            String exitCode, List<Step> steps) {

        public Double seconds() {
            return start == null || end == null ? null : Duration.between(start, end).toMillis() / 1000.0;
        }

        public Optional<Step> step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).reduce((a, b) -> b);
        }
    }

    public List<Execution> executions(String batchId) {
        record Row(long id, long runNo, LocalDateTime start, LocalDateTime end, String status, String exitCode) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT e.JOB_EXECUTION_ID, r.PARAMETER_VALUE, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS b ON b.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                     AND b.PARAMETER_NAME = 'batchId' AND b.PARAMETER_VALUE = ?
                LEFT JOIN BATCH_JOB_EXECUTION_PARAMS r ON r.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND r.PARAMETER_NAME = 'runNo'
                ORDER BY e.JOB_EXECUTION_ID""").param(batchId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2) == null ? 1 : Long.parseLong(rs.getString(2)),
                        toLocal(rs.getTimestamp(3)), toLocal(rs.getTimestamp(4)), rs.getString(5), rs.getString(6)))
                .list();
        List<Execution> out = new ArrayList<>();
        Map<Long, Boolean> runSeen = new LinkedHashMap<>();
        for (Row r : rows) {
            String event = runSeen.containsKey(r.runNo()) ? "resume" : r.runNo() == 1 ? "start" : "rerun";
            runSeen.put(r.runNo(), true);
            List<Step> steps = jdbc.sql("""
                    SELECT STEP_NAME, START_TIME, END_TIME, STATUS, READ_COUNT, WRITE_COUNT FROM BATCH_STEP_EXECUTION
                    WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID""").param(r.id())
                    .query((rs, i) -> new Step(rs.getString(1), toLocal(rs.getTimestamp(2)), toLocal(rs.getTimestamp(3)),
                            rs.getString(4), rs.getLong(5), rs.getLong(6))).list();
            out.add(new Execution(r.id(), r.runNo(), event, r.start(), r.end(), r.status(), r.exitCode(), steps));
        }
        return out;
    }

    /** The envelopes' total analysis time (ms) and count, from the envelope table. */
    public long[] analysisMillis(String batchId) {
        return jdbc.sql("SELECT COALESCE(SUM(analyzed_ms), 0), COUNT(*) FROM envelope WHERE batch_id = ?")
                .param(batchId).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private static LocalDateTime toLocal(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
