package org.shinsei.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.shinsei.batch.BatchRunner;
import org.shinsei.batch.ProgressListener;
import org.shinsei.batch.StageTimings;
import org.shinsei.decision.Outcome;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;

/**
 * Runs the real nightly job twice in one JVM and Spring context: a warm-up batch (JIT, native libraries, Tesseract
 * engines of every worker), then the measured batch. Steady state = the measured batch's analyze step: envelopes
 * analysed per second of that step's wall time, JVM start and warm-up excluded. Also measured over that step: the
 * process's CPU time, peak heap, per-stage times ({@link StageTimings}); and, afterwards, the decode floor
 * ({@link DecodeFloor}) on the same files.
 */
public final class Benchmark {

    /** What one measured batch gave. */
    public record Result(int envelopes, int forms, Map<Outcome, Long> outcomes, Map<String, Long> reasons,
                         double analyzeSeconds,
                         double processCpuSeconds, double jitSeconds, double gcSeconds, long peakHeapBytes, Map<String, StageTimings.Stats> stages,
                         DecodeFloor.Result floor, int workers, int cores, double loadAverage) {

        public double formsPerSecond() {
            return forms / analyzeSeconds;
        }

        public double perCore() {
            return formsPerSecond() / Math.min(workers, cores);
        }

        /** Pipeline wall time per form over the floor's decode time per page spread over all cores. */
        public double ratioToFloor() {
            return (analyzeSeconds * 1000 / forms) / (floor.millisPerPage() / cores);
        }

        /** The same in CPU time, which load from other processes does not distort: process CPU per form / floor CPU per page. */
        public double cpuRatioToFloor() {
            return (processCpuSeconds * 1000 / forms) / floor.cpuMillisPerPage();
        }
    }

    private final ApplicationContext context;

    public Benchmark(ApplicationContext context) {
        this.context = context;
    }

    /** Runs the batch in {@code folder} as batch {@code batchId}; results under {@code out}. */
    public JobExecution runBatch(Path folder, String batchId, Path out) throws Exception {
        JobExecution e = context.getBean(BatchRunner.class).run(new BatchRunner.Request(folder, batchId, out, null));
        if (e.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("benchmark batch " + batchId + " ended " + e.getStatus() + ": "
                    + e.getAllFailureExceptions());
        }
        return e;
    }

    /** The warm-up batch, then the measured one, then the floor over the measured batch's files. */
    public Result measure(Path warmFolder, Path folder, Path out, int workers) throws Exception {
        runBatch(warmFolder, "20261127", out);
        StageTimings timings = context.getBean(StageTimings.class);
        timings.reset();
        System.gc();
        HeapPeak heap = HeapPeak.start();
        long jit0 = jitMillis();
        long gc0 = gcMillis();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        JobExecution e;
        try {
            e = runBatch(folder, "20261128", out);
        } finally {
            heap.stop();
        }
        double cpu = context.getBean(ProgressListener.class).lastStepProcessCpuNanos() / 1e9;
        double jit = (jitMillis() - jit0) / 1000.0;
        double gc = (gcMillis() - gc0) / 1000.0;
        StepExecution analyze = e.getStepExecutions().stream().filter(s -> s.getStepName().equals("analyze"))
                .findFirst().orElseThrow();
        double seconds = Duration.between(analyze.getStartTime(), analyze.getEndTime()).toMillis() / 1000.0;
        List<FormRecord> records = context.getBean(RecordStore.class).records("20261128");
        Map<Outcome, Long> outcomes = new java.util.EnumMap<>(Outcome.class);
        records.forEach(r -> outcomes.merge(r.outcome(), 1L, Long::sum));
        Map<String, Long> reasons = new java.util.TreeMap<>();
        records.forEach(r -> r.reasons().forEach(x -> reasons.merge(x.code().name(), 1L, Long::sum)));
        int forms = (int) records.stream().filter(r -> r.page() != null).count();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("bench-")).sorted().toList();
        }
        DecodeFloor.Result floor = DecodeFloor.measure(files);
        return new Result((int) analyze.getWriteCount(), forms, outcomes, reasons, seconds, cpu, jit, gc, heap.peak(), timings.stats(),
                floor, workers, Runtime.getRuntime().availableProcessors(), load);
    }

    /** Time the JIT compilers have spent so far (compiler threads, wall), ms. */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Time the garbage collectors have spent so far, ms. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    /** Samples the used heap every few milliseconds. */
    private static final class HeapPeak implements Runnable {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread = new Thread(this, "heap-peak");

        static HeapPeak start() {
            HeapPeak h = new HeapPeak();
            h.thread.setDaemon(true);
            h.thread.start();
            return h;
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak;
        }
    }
}
