package org.shinsei.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shinsei.decision.DuplicateRule;
import org.shinsei.decision.ReasonCode;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3, duplicates: applies {@link DuplicateRule} to the whole batch in file-name order, in one transaction.
 * A record already published is never changed (what went to card production stays as it went): on a rerun of a
 * batch whose folder grew, the published records come first, so a new envelope with the ID of one of them is the
 * duplicate, whatever its file name.
 */
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
        Set<String> published = records.publishedKeys(batchId);
        List<FormRecord> inOrder = new ArrayList<>();
        List<FormRecord> later = new ArrayList<>();
        for (FormRecord r : records.records(batchId)) {
            (published.contains(key(r)) ? inOrder : later).add(r);
        }
        inOrder.addAll(later);
        int updated = 0;
        for (FormRecord r : DuplicateRule.apply(inOrder, records.originalsElsewhere(batchId))) {
            if (published.contains(key(r))) {
                log.warn("{} p{}: duplicates would make it {}, but it was already published as it is: left unchanged",
                        r.envelope(), r.page(), r.outcome());
                continue;
            }
            records.update(r);
            updated++;
            log.info("{} p{}: duplicates → {} {}", r.envelope(), r.page(), r.outcome(),
                    r.has(ReasonCode.DUPLICATE_APPLICATION) ? "[DUPLICATE_APPLICATION]" : "(no longer a duplicate)");
        }
        contribution.incrementWriteCount(updated);
        return RepeatStatus.FINISHED;
    }

    private static String key(FormRecord r) {
        return r.envelope() + "#" + RecordStore.pageKey(r);
    }
}
