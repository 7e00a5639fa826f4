package org.shinsei.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.shinsei.ShinseiApplication;
import org.shinsei.bench.BenchReport;
import org.shinsei.bench.Benchmark;
import org.shinsei.bench.DistributedBench;
import org.shinsei.sample.BenchForms;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shinsei bench [--forms N] [--workers W] [--formats pdf-jpeg-300|mix] [--keep] [--dir DIR]}: generates forms,
 * runs the real job on them (after a warm-up batch) on a fresh data folder, and prints steady-state throughput,
 * per-stage times, peak heap and the decode floor.
 */
@Command(name = "bench", description = "Benchmark: generate forms, run the real batch on them, print forms/s, "
        + "per-stage times and the decode floor.")
final class BenchCommand implements Callable<Integer> {

    /** Warm-up forms are residents of their own, never the measured ones. */
    private static final int WARMUP_FIRST = 50_000;

    @Option(names = "--forms", defaultValue = "300", description = "forms in the measured batch (default: ${DEFAULT-VALUE})")
    int forms;

    @Option(names = "--warmup", defaultValue = "300", description = "forms in the warm-up batch (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--workers", defaultValue = "0", description = "analyze worker threads; 0 = one per core")
    int workers;

    @Option(names = "--formats", defaultValue = "pdf-jpeg-300",
            description = "pdf-jpeg-300 (one 300-dpi colour JPEG page per PDF, as scanners deliver) or mix "
                    + "(PDF/TIFF/PNG/JPEG, grey and colour, 200-600 dpi, turned pages)")
    String formats;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "where the generated forms go (kept; forms already there are reused); default a temporary folder")
    Path dir;

    @Option(names = "--generate-only", description = "only generate the forms into --dir (e.g. with a larger heap), do not run")
    boolean generateOnly;

    @Option(names = "--distributed", description = "run the distributed profile on this machine: this JVM is the manager, "
            + "--worker-jvms worker JVMs analyse (each with --workers threads, default 1)")
    boolean distributed;

    @Option(names = "--worker-jvms", defaultValue = "1", description = "worker JVMs with --distributed (default: ${DEFAULT-VALUE})")
    int workerJvms;

    @Option(names = "--keep", description = "keep the generated forms and the data folder")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        BenchForms.Formats f = switch (formats) {
            case "pdf-jpeg-300" -> BenchForms.Formats.PDF_JPEG_300;
            case "mix" -> BenchForms.Formats.MIX;
            default -> null;
        };
        if (f == null || forms < 1 || warmup < 1 || workers < 0) {
            System.err.println("shinsei: --formats is pdf-jpeg-300 or mix; --forms and --warmup at least 1");
            return ShinseiCli.EXIT_USAGE;
        }
        int w = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        Path root = dir != null ? dir : Files.createTempDirectory("shinsei-bench");
        Files.createDirectories(root);
        Path run = Files.createTempDirectory(root, "run-");
        Path warm = run.resolve("warmup");
        Path main = run.resolve("forms");
        Path data = run.resolve("data");
        long g0 = System.nanoTime();
        System.out.printf("preparing %d forms + %d warm-up forms (%s) in %s ...%n", forms, warmup, formats, root);
        int threads = Runtime.getRuntime().availableProcessors();
        BenchForms.prepare(root.resolve(formats + "-warmup"), warm, WARMUP_FIRST, warmup, f, threads);
        BenchForms.prepare(root.resolve(formats), main, 0, forms, f, threads);
        double generated = (System.nanoTime() - g0) / 1e9;
        if (generateOnly) {
            System.out.printf("generated in %.0f s%n", generated);
            deleteTree(run);
            return ShinseiCli.EXIT_OK;
        }
        if (distributed) {
            return distributed(root, run, warm, main, data, workers > 0 ? workers : 1);
        }
        System.setProperty("shinsei.data-dir", data.toString());
        System.setProperty("shinsei.batch.workers", String.valueOf(w));
        try (ConfigurableApplicationContext context = SpringContexts.start(ShinseiApplication.class,
                "--logging.level.org.shinsei=WARN")) {
            Benchmark.Result r = new Benchmark(context).measure(warm, main, data.resolve("out"), w);
            System.out.print(BenchReport.render(r, formats, generated));
        } finally {
            System.clearProperty("shinsei.data-dir");
            System.clearProperty("shinsei.batch.workers");
            if (keep) {
                System.out.println("kept: the generated forms in " + root + ", this run's batch folders and data in " + run);
            } else {
                deleteTree(dir == null ? root : run);
            }
        }
        return ShinseiCli.EXIT_OK;
    }

    private int distributed(Path root, Path run, Path warm, Path main, Path data, int threads) throws Exception {
        if (workerJvms < 1) {
            System.err.println("shinsei: --worker-jvms at least 1");
            return ShinseiCli.EXIT_USAGE;
        }
        DistributedBench.Ports ports = DistributedBench.Ports.free();
        Map<String, String> properties = new java.util.HashMap<>(ports.managerProperties());
        properties.put("shinsei.data-dir", data.toString());
        properties.forEach(System::setProperty);
        Files.createDirectories(data);
        try (ConfigurableApplicationContext manager = SpringContexts.startWithProfiles(ShinseiApplication.class,
                new String[] {"distributed"}, "--logging.level.org.shinsei=WARN")) {
            DistributedBench.Result r = DistributedBench.measure(manager, ports, warm, main, data.resolve("out"), data,
                    workerJvms, threads);
            System.out.print(r.render());
        } finally {
            properties.keySet().forEach(System::clearProperty);
            if (keep) {
                System.out.println("kept: the generated forms in " + root + ", this run's data and worker logs in " + run);
            } else {
                deleteTree(dir == null ? root : run);
            }
        }
        return ShinseiCli.EXIT_OK;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
