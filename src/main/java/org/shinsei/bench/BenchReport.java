package org.shinsei.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shinsei.batch.StageTimings;

/** The benchmark's printout. */
public final class BenchReport {

    /** Stages in pipeline order; sub-stages of {@code id} are indented. */
    private static final List<String> ORDER = List.of("envelope", "ingest", "registration", "id", "id.qr", "id.qr-fast",
            "id.printed", "registry", "fields", "photo", "decision", "write");

    private BenchReport() {
    }

    public static String render(Benchmark.Result r, String formats, double generateSeconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Benchmark: %d envelope(s), %d form(s), %s, %d worker(s) on %d core(s)"
                        + " (load average %.2f at start), generated in %.0f s%n", r.envelopes(), r.forms(), formats,
                r.workers(), r.cores(), r.loadAverage(), generateSeconds));
        s.append("  outcomes         ").append(r.outcomes()).append(" (every form is compliant); reasons ")
                .append(r.reasons().isEmpty() ? "none" : r.reasons()).append('\n');
        s.append(String.format(Locale.ROOT, "  steady state     %.1f forms/s (%.1f forms/s per core), analyze step %.1f s%n",
                r.formsPerSecond(), r.perCore(), r.analyzeSeconds()));
        s.append(String.format(Locale.ROOT, "  process CPU      %.1f ms per form during analyze, all threads (%.1f forms per CPU-second)%n",
                r.processCpuSeconds() * 1000 / r.forms(), r.forms() / r.processCpuSeconds()));
        s.append(String.format(Locale.ROOT, "  of which        JIT compilers %.1f ms per form, garbage collection %.1f ms per form (wall time of "
                + "those threads)%n", r.jitSeconds() * 1000 / r.forms(), r.gcSeconds() * 1000 / r.forms()));
        StageTimings.Stats env = r.stages().get("envelope");
        if (env != null) {
            s.append(String.format(Locale.ROOT, "  workers busy     %.0f %% of the analyze step (time with an envelope in hand; "
                    + "the rest is waiting at chunk ends and committing)%n",
                    100 * env.calls() * env.meanMs() / 1000 / (r.analyzeSeconds() * r.workers())));
        }
        s.append(String.format(Locale.ROOT, "  peak heap        %d MB used (max %d MB)%n", r.peakHeapBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20));
        s.append("  per stage        calls    mean ms    p95 ms    CPU ms (mean, calling thread)\n");
        Map<String, StageTimings.Stats> stages = r.stages();
        for (String name : ORDER) {
            StageTimings.Stats st = stages.get(name);
            if (st != null) {
                s.append(row(name, st));
            }
        }
        stages.forEach((name, st) -> {
            if (!ORDER.contains(name)) {
                s.append(row(name, st));
            }
        });
        DecodeFloor.Result f = r.floor();
        s.append(String.format(Locale.ROOT, "  floor            %.1f ms per page (%.1f ms CPU) to decode to 8-bit grey (OpenCV, "
                + "one thread, %d pages%s)%n", f.millisPerPage(), f.cpuMillisPerPage(), f.pages(),
                f.skipped() == 0 ? "" : ", " + f.skipped() + " files skipped"));
        s.append(String.format(Locale.ROOT, "  pipeline/floor   %.2f  (%.1f ms per form on %d workers / %.1f ms per page "
                        + "over %d cores)%n", r.ratioToFloor(), r.analyzeSeconds() * 1000 / r.forms(), r.workers(),
                f.millisPerPage() / r.cores(), r.cores()));
        s.append(String.format(Locale.ROOT, "  in CPU time      %.2f  (%.1f ms process CPU per form / %.1f ms CPU per page)%n",
                r.cpuRatioToFloor(), r.processCpuSeconds() * 1000 / r.forms(), f.cpuMillisPerPage()));
        return s.toString();
    }

    private static String row(String name, StageTimings.Stats st) {
        String label = name.startsWith("id.") ? "  " + name : name.equals("envelope") ? "whole envelope" : name;
        return String.format(Locale.ROOT, "    %-14s %7d %10.1f %9.1f %9s%n", label, st.calls(), st.meanMs(), st.p95Ms(),
                Double.isNaN(st.cpuMeanMs()) ? "-" : String.format(Locale.ROOT, "%.1f", st.cpuMeanMs()));
    }
}
