package org.shinsei.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark in the distributed profile on one machine: this JVM is the manager (embedded broker and H2 opened
 * on free loopback ports), {@code workerJvms} worker JVMs ({@code shinsei worker}) do the analysis. A warm-up batch
 * first (it warms the workers too), then the measured batch: forms per second of the manager's analyze step wall
 * time, i.e. from the first partition sent to the last one completed.
 */
public final class DistributedBench {

    /** One measured batch. */
    public record Result(int workerJvms, int threadsPerWorker, int forms, double analyzeSeconds, int partitions,
                         double loadAverage) {
        public double formsPerSecond() {
            return forms / analyzeSeconds;
        }

        public String render() {
            return String.format("distributed: %d worker JVM(s) x %d thread(s), %d forms in %d partitions: analyze %.1f s "
                            + "wall = %.2f forms/s (load average %.1f at the start; %d cores)%n", workerJvms,
                    threadsPerWorker, forms, partitions, analyzeSeconds, formsPerSecond(), loadAverage,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Free loopback ports for the broker acceptor and the H2 TCP server; set before the manager's context starts. */
    public record Ports(int broker, int h2) {
        public static Ports free() throws IOException {
            try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
                return new Ports(a.getLocalPort(), b.getLocalPort());
            }
        }

        public Map<String, String> managerProperties() {
            return Map.of("shinsei.distributed.broker-acceptor", "tcp://127.0.0.1:" + broker,
                    "shinsei.distributed.h2-tcp-port", String.valueOf(h2));
        }
    }

    private DistributedBench() {
    }

    public static Result measure(ConfigurableApplicationContext manager, Ports ports, Path warm, Path folder, Path out,
                                 Path logs, int workerJvms, int threads) throws Exception {
        List<Process> workers = new ArrayList<>();
        try {
            for (int i = 1; i <= workerJvms; i++) {
                workers.add(startWorker(ports, threads, "bench-w" + i, logs.resolve("worker-" + i + ".log")));
            }
            for (int i = 1; i <= workerJvms; i++) {
                awaitReady(workers.get(i - 1), logs.resolve("worker-" + i + ".log"));
            }
            Benchmark bench = new Benchmark(manager);
            bench.runBatch(warm, "20261127", out);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            JobExecution e = bench.runBatch(folder, "20261128", out);
            StepExecution analyze = e.getStepExecutions().stream().filter(s -> s.getStepName().equals("analyze"))
                    .findFirst().orElseThrow();
            int partitions = (int) e.getStepExecutions().stream().filter(s -> s.getStepName().contains(":partition")).count();
            double seconds = Duration.between(analyze.getStartTime(), analyze.getEndTime()).toMillis() / 1000.0;
            return new Result(workerJvms, threads, (int) analyze.getWriteCount(), seconds, partitions, load);
        } finally {
            for (Process p : workers) {
                p.destroy();
            }
            for (Process p : workers) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** {@code shinsei worker} in a JVM of its own, from this JVM's java and class path (or jar). */
    private static Process startWorker(Ports ports, int threads, String id, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-Dshinsei.home=" + System.getProperty("shinsei.home", "."));
        cmd.add("-Dshinsei.batch.workers=" + threads);
        cmd.add("-Dshinsei.distributed.worker-id=" + id);
        cmd.add("-Dshinsei.distributed.broker-port=" + ports.broker());
        cmd.add("-Dshinsei.distributed.h2-tcp-port=" + ports.h2());
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            cmd.addAll(List.of("-jar", classPath));
        } else {
            cmd.addAll(List.of("-cp", classPath, "org.shinsei.ShinseiApplication"));
        }
        cmd.add("worker");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return pb.start();
    }

    private static void awaitReady(Process worker, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("shinsei worker: ready")) {
                return;
            }
            if (!worker.isAlive()) {
                throw new IllegalStateException("a worker JVM ended at start-up; its log: " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("a worker JVM was not ready after 3 minutes; its log: " + log);
    }
}
