package org.shinsei.batch;

import java.io.IOException;
import java.nio.file.Path;

import org.shinsei.audit.AuditLogWriter;
import org.shinsei.output.BatchReports;
import org.shinsei.output.RecordStore;
import org.shinsei.output.ResultsFile;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 5, report: writes from H2 (so everything is whole after any restart) {@code <out>/<batch-id>/results.jsonl},
 * the reviewers' report ({@code report.html}, {@code report.pdf}, {@code rejections.csv}) and the auditors' log
 * ({@code audit.jsonl}).
 */
public class ReportTasklet implements Tasklet {

    private final RecordStore records;
    private final String batchId;
    private final Path batchDir;
    private final BatchReports reports;
    private final AuditLogWriter audit;

    public ReportTasklet(RecordStore records, String batchId, Path batchDir, BatchReports reports, AuditLogWriter audit) {
        this.records = records;
        this.batchId = batchId;
        this.batchDir = batchDir;
        this.reports = reports;
        this.audit = audit;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ResultsFile.write(batchDir, records.records(batchId));
        reports.write(batchId, batchDir);
        audit.write(batchId, batchDir);
        return RepeatStatus.FINISHED;
    }
}
