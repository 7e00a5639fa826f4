package org.shinsei.batch;

import java.util.List;

import org.shinsei.output.FormRecord;
import org.shinsei.output.PublishProperties;
import org.shinsei.output.QueuePublisher;
import org.shinsei.output.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.jms.JmsException;

/**
 * Step 4, publish: every record not yet published goes to its outcome's queue, then is marked published, in
 * transactions of {@code shinsei.publish.commit-every} records (one call of this tasklet each). Exactly once:
 * every send carries a stable duplicate id ({@link QueuePublisher#messageId}), so the records of a transaction
 * cut short by a crash are sent again on the rerun and dropped by the broker. A send that fails (broker down) is
 * retried with back-off ({@code shinsei.publish.retry}); then the step fails with {@link PublishFailedException}
 * and the same command resumes. A rerun of a finished batch finds nothing to publish and says so.
 */
public class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final RecordStore records;
    private final QueuePublisher publisher;
    private final String batchId;
    private final PublishProperties properties;
    private final RetryTemplate retry;
    private int toSend = -1;
    private int sent;
    private int markedInThisTransaction;

    public PublishTasklet(RecordStore records, QueuePublisher publisher, String batchId, PublishProperties properties) {
        this.records = records;
        this.publisher = publisher;
        this.batchId = batchId;
        this.properties = properties;
        PublishProperties.Retry r = properties.retry();
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .includes(JmsException.class)
                .maxRetries(r.attempts() - 1L)
                .delay(r.delay())
                .multiplier(r.multiplier())
                .maxDelay(r.maxDelay())
                .build());
        this.retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                log.warn("publish: {}: send failed ({}), retry {} of {}", retryable.getName(),
                        cause(state.getLastException()), state.getRetryCount(), r.attempts() - 1);
                publisher.reset();
            }
        });
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (toSend < 0) {
            toSend = records.count(batchId, false);
            if (toSend > 0) {
                log.info("publish: {} record(s) to send", toSend);
            }
        }
        List<FormRecord> next = records.unpublished(batchId, properties.commitEvery());
        markedInThisTransaction = 0;
        for (FormRecord r : next) {
            send(r);
            markedInThisTransaction++;
            records.markPublished(r);
            sent++;
            if (sent % properties.progressEvery() == 0 && sent < toSend) {
                log.info("publish: {} / {} sent", sent, toSend);
            }
        }
        contribution.incrementWriteCount(next.size());
        if (!next.isEmpty() && records.count(batchId, false) > 0) {
            return RepeatStatus.CONTINUABLE;   // commits this transaction: these records stay published
        }
        log.info("publish: {} record(s) sent to the output queue{}", sent,
                sent == 0 ? " (nothing new: every record of this batch was already published)" : "");
        return RepeatStatus.FINISHED;
    }

    private void send(FormRecord r) {
        String id = QueuePublisher.messageId(r);
        try {
            retry.execute(new Retryable<Void>() {
                @Override
                public Void execute() {
                    publisher.publish(r);
                    return null;
                }

                @Override
                public String getName() {
                    return id;
                }
            });
        } catch (RetryException e) {
            int published = records.count(batchId, true) - markedInThisTransaction;   // those roll back
            throw new PublishFailedException(String.format(
                    "publish: %s: the output queue did not accept the record after %d attempt(s) (%s); %d of %d "
                            + "record(s) of batch %s are published; run the same command again to resume",
                    id, e.getRetryCount() + 1, cause(e.getLastException()), published,
                    records.count(batchId, true) + records.count(batchId, false), batchId), e.getLastException());
        }
    }

    private static String cause(Throwable t) {
        if (t == null) {
            return "unknown";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The output queue could not be reached after every retry: the job fails, a rerun resumes. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
