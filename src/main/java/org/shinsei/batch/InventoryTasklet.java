package org.shinsei.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.shinsei.scan.BatchFolder;
import org.shinsei.scan.EnvelopeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1, inventory: lists the batch folder, hashes every envelope and registers the new ones in H2. A rerun
 * registers only files it has not seen, so a folder that grew is processed for its new envelopes only. A file
 * that cannot be read is still registered (without a hash): analyze gives it an INPUT_UNREADABLE record.
 */
public class InventoryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InventoryTasklet.class);

    private final EnvelopeStore store;
    private final String batchId;
    private final Path folder;
    private final LocalDate batchDate;

    public InventoryTasklet(EnvelopeStore store, String batchId, Path folder, LocalDate batchDate) {
        this.store = store;
        this.batchId = batchId;
        this.folder = folder;
        this.batchDate = batchDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        store.registerBatch(batchId, folder, batchDate);
        int added = 0;
        int total = 0;
        for (Path file : BatchFolder.envelopes(folder)) {
            String name = folder.relativize(file).toString();
            String sha = null;
            Long size = null;
            try {
                sha = BatchFolder.sha256(file);
                size = Files.size(file);
            } catch (IOException e) {
                log.warn("{}: cannot be read to hash it: {}", org.shinsei.support.PageRef.envelope(name),
                        e.getClass().getSimpleName());
            }
            if (store.register(batchId, name, sha, size)) {
                added++;
            }
            total++;
        }
        contribution.incrementWriteCount(added);
        log.info("inventory: {} envelope file(s) in the folder, {} new in batch {}", total, added, batchId);
        return RepeatStatus.FINISHED;
    }
}
