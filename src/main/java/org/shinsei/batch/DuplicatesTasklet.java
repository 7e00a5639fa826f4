package org.shinsei.batch;

import java.util.List;

import org.shinsei.decision.DuplicateRule;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordStore;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 3, duplicates: applies {@link DuplicateRule} to the whole batch in file-name order, in one transaction. */
public class DuplicatesTasklet implements Tasklet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DuplicatesTasklet.class);

    private final RecordStore records;
    private final String batchId;

    public DuplicatesTasklet(RecordStore records, String batchId) {
        this.records = records;
        this.batchId = batchId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<FormRecord> changed = DuplicateRule.apply(records.records(batchId), records.acceptedElsewhere(batchId));
        for (FormRecord r : changed) {
            records.update(r);
            log.info("{} p{}: duplicates → {} {}", r.envelope(), r.page(), r.outcome(),
                    r.has(org.shinsei.decision.ReasonCode.DUPLICATE_APPLICATION) ? "[DUPLICATE_APPLICATION]" : "(no longer a duplicate)");
        }
        contribution.incrementWriteCount(changed.size());
        return RepeatStatus.FINISHED;
    }
}
