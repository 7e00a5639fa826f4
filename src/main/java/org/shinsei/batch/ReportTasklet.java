package org.shinsei.batch;

import java.io.IOException;
import java.nio.file.Path;

import org.shinsei.output.RecordStore;
import org.shinsei.output.ResultsFile;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 5, report: writes {@code <out>/<batch-id>/results.jsonl} from H2 (so it is whole after any restart). */
public class ReportTasklet implements Tasklet {

    private final RecordStore records;
    private final String batchId;
    private final Path batchDir;

    public ReportTasklet(RecordStore records, String batchId, Path batchDir) {
        this.records = records;
        this.batchId = batchId;
        this.batchDir = batchDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ResultsFile.write(batchDir, records.records(batchId));
        return RepeatStatus.FINISHED;
    }
}
