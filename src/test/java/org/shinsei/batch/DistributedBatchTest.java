package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shinsei.batch.RecordCounts.assertExactlyOnce;
import static org.shinsei.batch.RecordCounts.countJsonLines;
import static org.shinsei.batch.RecordCounts.countResults;
import static org.shinsei.batch.RecordCounts.key;
import static org.shinsei.batch.RecordCounts.total;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.ShinseiApplication;
import org.shinsei.sample.OrdinaryBatch;

/**
 * The acceptance of issue 10: the distributed profile on loopback. A manager ({@code shinsei run} with the profile
 * {@code distributed}: embedded broker with a TCP acceptor, H2 served over TCP, both on free ports) and two worker
 * JVMs ({@code shinsei worker}) run a generated batch of 62 envelopes (63 records); every record must be once in
 * results.jsonl and once in the output queues, and each worker must have completed at least one partition. Then the
 * same with one worker killed (SIGKILL) in the middle of a partition: the manager gives up on that partition after
 * its timeout, and running the batch again re-runs what was left, to the same exactly-once result. The first is
 * repeated with PostgreSQL as the shared database (manager on {@code distributed,postgresql}, workers on
 * {@code postgresql}, as README "Distributed processing" says).
 */
class DistributedBatchTest {

    private static final String MAIN = ShinseiApplication.class.getName();
    private static final String BATCH = "20261128";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern COMPLETED = Pattern.compile("worker (\\S+): partition (\\S+) COMPLETED");
    private static final Pattern STARTED = Pattern.compile("partition (\\S+) started");
    private static final Predicate<String> ENVELOPE_LINE = l -> l.contains(" record → ") || l.contains(" records → ");

    @TempDir
    static Path shared;
    private static Path folder;
    private static OrdinaryBatch batch;

    @BeforeAll
    static void generate() throws IOException {
        long t0 = System.nanoTime();
        folder = shared.resolve("scans");
        batch = OrdinaryBatch.generate(folder, 400, 60);
        System.out.printf("distributed test: generated %d envelopes (%d records expected) in %.1f s%n", batch.envelopes(),
                batch.expectedKeys().size(), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void twoWorkersShareTheBatchAndEveryRecordIsWrittenAndQueuedOnce(@TempDir Path tmp) throws Exception {
        twoWorkers(tmp, null);
    }

    /** Issue 20: the same with PostgreSQL as the shared database (a real server, {@link PostgresCluster}). */
    @Test
    void onPostgreSqlTwoWorkersShareTheBatchAndEveryRecordIsWrittenAndQueuedOnce(@TempDir Path tmp) throws Exception {
        try (PostgresCluster postgres = PostgresCluster.start()) {
            twoWorkers(tmp, postgres.newDatabase());
        }
    }

    /** Manager and two workers on H2 served by the manager ({@code postgresUrl} null) or on that PostgreSQL database. */
    private void twoWorkers(Path tmp, String postgresUrl) throws Exception {
        // given
        Ports ports = Ports.free();
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        long t0 = System.nanoTime();

        // when: the manager starts the batch, then two workers join
        List<String> w1;
        List<String> w2;
        try (ChildJvm manager = startManager(data, out, ports, Duration.ofMinutes(4), postgresUrl);
             ChildJvm worker1 = startWorker(ports, "w1", postgresUrl);
             ChildJvm worker2 = startWorker(ports, "w2", postgresUrl)) {
            int exit = manager.exit(RUN_TIMEOUT);
            assertThat(exit).as("manager exit; its output:\n" + manager.output() + "\nworker 1:\n" + worker1.output()
                    + "\nworker 2:\n" + worker2.output()).isZero();
            w1 = worker1.outputLines();
            w2 = worker2.outputLines();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        // then
        Set<String> byW1 = completedPartitions(w1, "w1");
        Set<String> byW2 = completedPartitions(w2, "w2");
        Map<String, Integer> results = countResults(out.resolve(BATCH).resolve("results.jsonl"));
        Map<String, Integer> queued = countBrowsed(data, postgresUrl);
        System.out.printf("distributed test (" + (postgresUrl == null ? "H2" : "PostgreSQL") + "): %.0f s; partitions completed by w1 %s, by w2 %s; results.jsonl %d lines, "
                + "queues %d messages for %d expected records%n", seconds, byW1, byW2, total(results), total(queued),
                batch.expectedKeys().size());
        assertThat(byW1).as("partitions completed by worker 1").isNotEmpty();
        assertThat(byW2).as("partitions completed by worker 2").isNotEmpty();
        assertThat(byW1).as("partitions completed by both workers").doesNotContainAnyElementsOf(byW2);
        assertExactlyOnce("results.jsonl", results, batch.expectedKeys());
        assertExactlyOnce("the output queues", queued, batch.expectedKeys());
    }

    @Test
    void workersKilledInTheMiddleOfTheirPartitionsAreMadeGoodByRunningTheBatchAgain(@TempDir Path tmp) throws Exception {
        // given
        Ports ports = Ports.free();
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        Duration partitionTimeout = Duration.ofSeconds(90);   // margin for slow worker start-up on a loaded machine

        // when: worker 1 is killed in the middle of a partition (its request goes back to the broker, worker 2 may
        // take it over), then worker 2 too; the manager gives up after the partition timeout
        Set<String> killedIn = new TreeSet<>();
        Set<String> completedBeforeKills = new TreeSet<>();
        try (ChildJvm manager = startManager(data, out, ports, partitionTimeout, null);
             ChildJvm worker1 = startWorker(ports, "w1", null);
             ChildJvm worker2 = startWorker(ports, "w2", null)) {
            killedIn.add(killInTheMiddleOfAPartition(worker1, "w1"));
            killedIn.add(killInTheMiddleOfAPartition(worker2, "w2"));
            completedBeforeKills.addAll(completedPartitions(worker1.outputLines(), "w1"));
            completedBeforeKills.addAll(completedPartitions(worker2.outputLines(), "w2"));
            int exit = manager.exit(RUN_TIMEOUT);
            System.out.println("distributed test: both workers killed, in " + killedIn + "; manager exit " + exit);
            assertThat(exit).as("manager exit when its workers died; its output:\n" + manager.output()).isEqualTo(2);
            assertThat(manager.output()).contains("Timed out").contains("run the same command again");
        }

        // when: the same batch is run again, with a new worker
        Set<String> byW3;
        List<String> w3;
        try (ChildJvm manager = startManager(data, out, ports, Duration.ofMinutes(4), null);
             ChildJvm worker3 = startWorker(ports, "w3", null)) {
            int exit = manager.exit(RUN_TIMEOUT);
            assertThat(exit).as("manager exit of the rerun; its output:\n" + manager.output()).isZero();
            assertThat(manager.output()).contains("left a partition unfinished");
            w3 = worker3.outputLines();
            byW3 = completedPartitions(w3, "w3");
        }

        // then: the killed partitions were re-run, the completed ones not, and every record is there exactly once
        Map<String, Integer> results = countResults(out.resolve(BATCH).resolve("results.jsonl"));
        Map<String, Integer> queued = countBrowsed(data, null);
        long dropped = w3.stream().filter(l -> l.contains("dropped: the partition is FAILED")).count();
        System.out.printf("distributed test: partitions completed before the kills %s, re-run by w3 %s (%d stale request(s) "
                + "dropped); results.jsonl %d lines, queues %d messages for %d expected records%n", completedBeforeKills,
                byW3, dropped, total(results), total(queued), batch.expectedKeys().size());
        assertThat(byW3).as("partitions re-run").containsAll(killedIn);
        // (both workers may be killed in their first partition: then none was completed before, and none may be re-run)
        assertThat(byW3).as("completed partitions re-run").filteredOn(completedBeforeKills::contains).isEmpty();
        assertExactlyOnce("results.jsonl", results, batch.expectedKeys());
        assertExactlyOnce("the output queues", queued, batch.expectedKeys());
    }

    /**
     * Waits until the worker has started a partition it had not started yet and analysed two of its envelopes,
     * kills it, and names that partition.
     */
    private static String killInTheMiddleOfAPartition(ChildJvm worker, String id) throws Exception {
        long startedBefore = worker.outputLines().stream().filter(l -> STARTED.matcher(l).find()).count();
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && worker.alive()) {
            List<String> lines = worker.outputLines();
            List<String> since = sinceStartedLine(lines, startedBefore + 1);
            if (since != null && since.stream().filter(ENVELOPE_LINE).count() >= 2) {
                worker.kill();
                Matcher m = STARTED.matcher(since.get(0));
                assertThat(m.find()).isTrue();
                String partition = m.group(1);
                assertThat(worker.output()).as(id + " was killed before it finished " + partition)
                        .doesNotContain(partition + " COMPLETED");
                return partition;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(id + " did not start another partition; its output:\n" + worker.output());
    }

    /** The lines from the {@code n}-th "partition ... started" line on, or null if there is none yet. */
    private static List<String> sinceStartedLine(List<String> lines, long n) {
        long seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (STARTED.matcher(lines.get(i)).find() && ++seen == n) {
                return lines.subList(i, lines.size());
            }
        }
        return null;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private record Ports(int broker, int h2) {
        static Ports free() throws IOException {
            try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
                return new Ports(a.getLocalPort(), b.getLocalPort());
            }
        }
    }

    private static List<String> common(Path data) {
        return new ArrayList<>(List.of(
                "-Dshinsei.home=" + Path.of("").toAbsolutePath(),
                "-Dshinsei.data-dir=" + data,
                "-Dshinsei.batch.chunk-size=2",
                "-Dshinsei.distributed.partitions=8",
                "-Dshinsei.distributed.poll-interval=500ms"));
    }

    private static ChildJvm startManager(Path data, Path out, Ports ports, Duration partitionTimeout, String postgresUrl)
            throws Exception {
        List<String> o = common(data);
        if (postgresUrl == null) {
            o.addAll(List.of("-Dspring.profiles.active=distributed", "-Dshinsei.distributed.h2-tcp-port=" + ports.h2()));
        } else {
            o.addAll(PostgresCluster.options(postgresUrl, "distributed"));
        }
        o.addAll(List.of("-Dshinsei.distributed.broker-acceptor=tcp://127.0.0.1:" + ports.broker(),
                "-Dshinsei.distributed.partition-timeout=" + partitionTimeout.toSeconds() + "s"));
        ChildJvm manager = ChildJvm.start(MAIN, o, List.of("run", folder.toString(), "--out", out.toString(), "--batch-id", BATCH));
        // the broker and the database are open to the workers once the job has started
        String ready = manager.await(l -> l.contains("inventory: ") || l.contains("resuming"), RUN_TIMEOUT);
        assertThat(ready).as("manager start; its output:\n" + manager.output()).isNotNull();
        return manager;
    }

    private static ChildJvm startWorker(Ports ports, String id, String postgresUrl) throws IOException {
        List<String> o = common(Path.of("unused"));
        o.addAll(postgresUrl == null ? List.of("-Dshinsei.distributed.h2-tcp-port=" + ports.h2())
                : PostgresCluster.options(postgresUrl));
        o.addAll(List.of("-Dshinsei.distributed.worker-id=" + id,
                "-Dshinsei.distributed.broker-port=" + ports.broker()));
        return ChildJvm.start(MAIN, o, List.of("worker"));
    }

    private static Set<String> completedPartitions(List<String> lines, String worker) {
        Set<String> partitions = new TreeSet<>();
        for (String l : lines) {
            Matcher m = COMPLETED.matcher(l);
            if (m.find() && m.group(1).equals(worker)) {
                partitions.add(m.group(2));
            }
        }
        return partitions;
    }

    /** {@code shinsei queue browse --json} in a child JVM, on the manager's embedded broker journal. */
    private static Map<String, Integer> countBrowsed(Path data, String postgresUrl) throws Exception {
        List<String> o = common(data);
        if (postgresUrl != null) {
            o.addAll(PostgresCluster.options(postgresUrl));
        }
        try (ChildJvm browse = ChildJvm.start(MAIN, o, List.of("queue", "browse", "--json"))) {
            int exit = browse.exit(RUN_TIMEOUT);
            assertThat(exit).as("queue browse; its output:\n" + browse.output()).isZero();
            return countJsonLines(browse.outputLines());
        }
    }
}
