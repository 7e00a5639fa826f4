package org.shinsei.batch.distributed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeStore;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a batch's pending envelopes (file-name order) into at most {@code gridSize} contiguous ranges of names,
 * as even as possible. A partition's context holds its first and last envelope name: a worker (or a restarted
 * partition) reads the envelopes of that range that are still PENDING, so work committed before a crash is not
 * redone. Called once per job execution; on a restart Spring Batch reuses the partitions it stored.
 */
public class EnvelopeRangePartitioner implements Partitioner {

    public static final String FIRST = "firstEnvelope";
    public static final String LAST = "lastEnvelope";

    private final EnvelopeStore store;
    private final String batchId;
    private final Path folder;

    public EnvelopeRangePartitioner(EnvelopeStore store, String batchId, Path folder) {
        this.store = store;
        this.batchId = batchId;
        this.folder = folder;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<Envelope> pending = store.pending(batchId, folder);
        int n = Math.max(1, Math.min(gridSize, pending.size()));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < n && !pending.isEmpty(); i++) {
            int from = i * pending.size() / n;
            int to = (i + 1) * pending.size() / n - 1;
            ExecutionContext context = new ExecutionContext();
            context.putString(FIRST, pending.get(from).name());
            context.putString(LAST, pending.get(to).name());
            partitions.put("partition" + i, context);
        }
        return partitions;
    }
}
