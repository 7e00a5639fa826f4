package org.shinsei.batch;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/** A progress line every {@code shinsei.batch.progress-every} envelopes during analyze, with forms per second. */
@Component
public class ProgressListener implements ItemWriteListener<EnvelopeResult>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final int every;
    private final AtomicInteger envelopes = new AtomicInteger();
    private final AtomicInteger records = new AtomicInteger();
    private volatile long startNanos;
    private volatile int total;
    private volatile long startCpu;
    private volatile long stepCpu;

    public ProgressListener(BatchProperties properties) {
        this.every = Math.max(1, properties.progressEvery());
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        startNanos = System.nanoTime();
        startCpu = processCpuNanos();
        envelopes.set(0);
        records.set(0);
    }

    /** The number of envelopes this run will analyse, for the "n / total" of the progress line. */
    public void expect(int pendingEnvelopes) {
        total = pendingEnvelopes;
    }

    /** CPU time of the whole process (all threads, GC and JIT included) during the last analyze step, ns; -1 if unknown. */
    public long lastStepProcessCpuNanos() {
        return startCpu < 0 ? -1 : stepCpu;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    @Override
    public void afterWrite(Chunk<? extends EnvelopeResult> chunk) {
        int before = envelopes.get();
        int after = envelopes.addAndGet(chunk.size());
        int recs = records.addAndGet(chunk.getItems().stream().mapToInt(r -> r.records().size()).sum());
        if (after / every > before / every) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            log.info("progress: {}{} envelopes analysed, {} records, {} forms/s", after,
                    total > 0 ? " / " + total : "", recs, String.format("%.1f", recs / Math.max(seconds, 1e-3)));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepCpu = processCpuNanos() - startCpu;
        return stepExecution.getExitStatus();
    }
}
