package org.shinsei.batch;

import java.util.List;

import org.shinsei.output.FormRecord;
import org.shinsei.output.QueuePublisher;
import org.shinsei.output.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 4, publish: every record not yet published goes to its outcome's queue, then is marked published. The
 * send carries a stable duplicate id, so a crash between the two never delivers a record twice; a rerun of a
 * finished batch finds nothing to publish and says so.
 */
public class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final RecordStore records;
    private final QueuePublisher publisher;
    private final String batchId;

    public PublishTasklet(RecordStore records, QueuePublisher publisher, String batchId) {
        this.records = records;
        this.publisher = publisher;
        this.batchId = batchId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<FormRecord> pending = records.unpublished(batchId);
        for (FormRecord r : pending) {
            publisher.publish(r);
            records.markPublished(r);
        }
        contribution.incrementWriteCount(pending.size());
        log.info("publish: {} record(s) sent to the output queue{}", pending.size(),
                pending.isEmpty() ? " (nothing new: every record of this batch was already published)" : "");
        return RepeatStatus.FINISHED;
    }
}
