package org.shinsei.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Time spent per stage across the batch, for the closing summary and the benchmark: wall time per call (mean and
 * 95th percentile) and, where the caller measured it, the calling thread's CPU time (which other processes on the
 * machine do not inflate). Thread-safe. Keeps every sample up to {@link #MAX_SAMPLES} per stage (then only the sums).
 */
@Component
public class StageTimings {

    static final int MAX_SAMPLES = 1 << 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private final Map<String, Samples> stages = new ConcurrentHashMap<>();

    /** The calling thread's CPU time in nanoseconds (0 where the JVM cannot tell). */
    public static long cpuNow() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    public void record(String stage, long nanos) {
        record(stage, nanos, -1);
    }

    /** @param cpuNanos the calling thread's CPU time for the call, or -1 when not measured */
    public void record(String stage, long nanos, long cpuNanos) {
        stages.computeIfAbsent(stage, k -> new Samples()).add(nanos, cpuNanos);
    }

    /** Forgets everything recorded so far (the benchmark calls it after its warm-up). */
    public void reset() {
        stages.clear();
    }

    /** Mean milliseconds per call, by stage name. */
    public Map<String, Double> meanMillis() {
        Map<String, Double> out = new TreeMap<>();
        stages.forEach((k, v) -> out.put(k, v.stats().meanMs()));
        return out;
    }

    /** Every stage's figures, by stage name. */
    public Map<String, Stats> stats() {
        Map<String, Stats> out = new TreeMap<>();
        stages.forEach((k, v) -> out.put(k, v.stats()));
        return out;
    }

    /**
     * One stage's figures.
     *
     * @param calls     how many calls were timed
     * @param meanMs    mean wall milliseconds per call
     * @param p95Ms     95th percentile of wall milliseconds per call (over the kept samples)
     * @param cpuMeanMs mean CPU milliseconds of the calling thread per call, or NaN when not measured
     */
    public record Stats(long calls, double meanMs, double p95Ms, double cpuMeanMs) {
    }

    private static final class Samples {
        private long[] wall = new long[64];
        private int kept;
        private long calls;
        private long wallSum;
        private long cpuSum;
        private long cpuCalls;

        synchronized void add(long nanos, long cpuNanos) {
            calls++;
            wallSum += nanos;
            if (cpuNanos >= 0) {
                cpuSum += cpuNanos;
                cpuCalls++;
            }
            if (kept < MAX_SAMPLES) {
                if (kept == wall.length) {
                    wall = Arrays.copyOf(wall, wall.length * 2);
                }
                wall[kept++] = nanos;
            }
        }

        synchronized Stats stats() {
            long[] sorted = Arrays.copyOf(wall, kept);
            Arrays.sort(sorted);
            double p95 = kept == 0 ? 0 : sorted[Math.min(kept - 1, (int) Math.ceil(0.95 * kept) - 1)] / 1e6;
            return new Stats(calls, calls == 0 ? 0 : wallSum / 1e6 / calls, p95,
                    cpuCalls == 0 ? Double.NaN : cpuSum / 1e6 / cpuCalls);
        }
    }
}
