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
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.ShinseiApplication;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordJson;
import org.shinsei.sample.OrdinaryBatch;

/**
 * The crash acceptance of issue 6: {@code shinsei run} in a child JVM on a generated batch of 62 envelopes
 * (63 records), killed with SIGKILL at random points of start-up, analyze and publish, resumed by running the
 * same command again until it exits 0; then results.jsonl and the three output queues must hold exactly one record
 * per expected form, counted. The same for an external broker killed in the middle of publish. The kill schedule
 * comes from a fixed seed (printed; {@code -Dshinsei.crash.seed=N} tries another). The kills are repeated on a real
 * PostgreSQL server ({@link PostgresCluster}), the database of the several-machine setup.
 */
class CrashRecoveryTest {

    private static final String MAIN = ShinseiApplication.class.getName();
    private static final String BATCH = "20261128";
    private static final int KILLS = 12;
    private static final int ANALYZE_KILLS = 7;      // kills 0 and 2..7 in analyze (1 is in start-up), then publish
    private static final int PUBLISH_EVERY = 5;      // the child commits (and logs) every 5 records it publishes
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern TO_SEND = Pattern.compile("publish: (\\d+) record\\(s\\) to send");
    private static final Pattern SENT = Pattern.compile("publish: (\\d+) / (\\d+) sent");
    private static final Predicate<String> ENVELOPE_LINE = l -> l.contains(" record → ") || l.contains(" records → ");
    private static final Predicate<String> PUBLISH_LINE = l -> l.contains("publish: ");

    @TempDir
    static Path shared;
    private static Path folder;
    private static OrdinaryBatch batch;

    @BeforeAll
    static void generate() throws IOException {
        long t0 = System.nanoTime();
        folder = shared.resolve("scans");
        batch = OrdinaryBatch.generate(folder, 300, 60);
        System.out.printf("crash test: generated %d envelopes (%d records expected) in %.1f s%n", batch.envelopes(),
                batch.expectedKeys().size(), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void killedAtRandomPointsTheBatchStillGivesEveryRecordExactlyOnce(@TempDir Path tmp) throws Exception {
        killAndResume(tmp, List.of(), "H2", KILLS, ANALYZE_KILLS);
    }

    /** Issue 20: the same on a real PostgreSQL server (the several-machine database), with 10 kills. */
    @Test
    void onPostgreSqlTooKilledAtRandomPointsTheBatchGivesEveryRecordExactlyOnce(@TempDir Path tmp) throws Exception {
        try (PostgresCluster postgres = PostgresCluster.start()) {
            killAndResume(tmp, PostgresCluster.options(postgres.newDatabase()), "PostgreSQL", 10, 5);
        }
    }

    private void killAndResume(Path tmp, List<String> database, String name, int killsPlanned, int analyzeKills)
            throws Exception {
        // given
        long seed = Long.getLong("shinsei.crash.seed", 20261128L);
        Random random = new Random(seed);
        System.out.println("crash test (" + name + "): kill schedule seed " + seed);
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        List<String> options = childOptions(data, database);
        List<String> run = List.of("run", folder.toString(), "--out", out.toString(), "--batch-id", BATCH);
        long t0 = System.nanoTime();
        Map<String, Integer> killsByPhase = new TreeMap<>();
        List<List<String>> runOutputs = new ArrayList<>();
        int kills = 0;
        boolean analysed = false;

        // when: killed KILLS times, then run to the end
        while (true) {
            assertThat(runOutputs.size()).as("runs").isLessThan(killsPlanned + 10);
            try (ChildJvm child = ChildJvm.start(MAIN, options, run)) {
                if (kills >= killsPlanned) {
                    int exit = child.exit(RUN_TIMEOUT);
                    runOutputs.add(child.outputLines());
                    assertThat(exit).as("the run after the last kill; its output:\n" + child.output()).isZero();
                    break;
                }
                String trigger;
                if (kills == 1) {
                    // a random moment of start-up: Spring, Artemis, the registry import, the inventory... (not the
                    // very first start, which builds the database: FirstInstallKillTest kills that one)
                    Thread.sleep(300 + random.nextInt(2500));
                    trigger = "at " + "a random moment after the start";
                } else if (!analysed && kills <= analyzeKills) {
                    int n = 2 + random.nextInt(12);
                    trigger = nth(child, ENVELOPE_LINE.or(PUBLISH_LINE), n, "envelope line");
                    Thread.sleep(random.nextInt(150));
                } else {
                    String first = child.await(PUBLISH_LINE, RUN_TIMEOUT);
                    Matcher m = first == null ? null : TO_SEND.matcher(first);
                    int toSend = m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
                    int progressLines = Math.max(0, (toSend - 1) / PUBLISH_EVERY);
                    trigger = progressLines == 0 ? first
                            : nth(child, l -> SENT.matcher(l).find(), 1 + random.nextInt(Math.min(progressLines, 3)), "publish line");
                    Thread.sleep(random.nextInt(30));
                }
                if (!child.alive()) {
                    int exit = child.exit(RUN_TIMEOUT);
                    runOutputs.add(child.outputLines());
                    assertThat(exit).as("a run that ended before its kill; its output:\n" + child.output()).isZero();
                    break;
                }
                child.kill();
                List<String> lines = child.outputLines();
                runOutputs.add(lines);
                String phase = phase(lines);
                killsByPhase.merge(phase, 1, Integer::sum);
                analysed |= lines.stream().anyMatch(PUBLISH_LINE);
                System.out.printf("crash test: kill %2d (%s) in %s, %s%n", ++kills, trigger == null ? "-" : shorten(trigger),
                        phase, progress(lines));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        // then
        Map<String, Integer> results = countResults(out.resolve(BATCH).resolve("results.jsonl"));
        Map<String, Integer> queued = countBrowsed(data, database);
        int resent = resentAtLeast(runOutputs);
        System.out.printf("crash test (" + name + "): %d kills %s over %d runs in %.0f s; results.jsonl %d lines, queues %d messages "
                        + "for %d expected records; at least %d record(s) sent twice (dropped as duplicates by the broker)%n",
                kills, killsByPhase, runOutputs.size(), seconds, total(results), total(queued), batch.expectedKeys().size(),
                resent);
        assertThat(kills).as("kills").isGreaterThanOrEqualTo(killsPlanned - 2);
        assertThat(killsByPhase.getOrDefault("analyze", 0)).as("kills during analyze").isGreaterThanOrEqualTo(3);
        assertThat(killsByPhase.getOrDefault("publish", 0)).as("kills during publish").isGreaterThanOrEqualTo(3);
        assertExactlyOnce("results.jsonl", results, batch.expectedKeys());
        assertExactlyOnce("the output queues", queued, batch.expectedKeys());
    }

    @Test
    void externalBrokerKilledDuringPublishLosesAndDoublesNothing(@TempDir Path tmp) throws Exception {
        // given: an Artemis broker in its own JVM, and shinsei pointed at it
        int port = freePort();
        Path brokerDir = tmp.resolve("broker");
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        List<String> run = List.of("run", folder.toString(), "--out", out.toString(), "--batch-id", BATCH);
        List<String> external = List.of("-Dspring.artemis.mode=native", "-Dspring.artemis.embedded.enabled=false",
                "-Dspring.artemis.broker-url=tcp://127.0.0.1:" + port);
        List<String> shortRetry = new ArrayList<>(external);
        shortRetry.addAll(List.of("-Dshinsei.publish.retry.attempts=3", "-Dshinsei.publish.retry.delay=200ms"));
        List<String> longRetry = new ArrayList<>(external);
        longRetry.addAll(List.of("-Dshinsei.publish.retry.attempts=16", "-Dshinsei.publish.retry.delay=250ms",
                "-Dshinsei.publish.retry.max-delay=2s"));
        ChildJvm broker = startBroker(port, brokerDir);
        try {
            // when: the broker dies in the middle of publish and stays down longer than the retries
            try (ChildJvm shinsei = ChildJvm.start(MAIN, childOptions(data, shortRetry), run)) {
                assertThat(nth(shinsei, l -> SENT.matcher(l).find(), 3, "publish line")).isNotNull();
                broker.kill();
                int exit = shinsei.exit(RUN_TIMEOUT);
                System.out.println("broker test: broker killed after '" + shorten(lastMatch(shinsei.outputLines(), SENT))
                        + "'; shinsei exit " + exit + ": " + lastMatch(shinsei.outputLines(), Pattern.compile("did not accept")));
                // then: the job fails cleanly, saying how to resume
                assertThat(exit).as("exit status when the broker stays down; output:\n" + shinsei.output()).isEqualTo(2);
                assertThat(shinsei.output()).contains("did not accept the record after 3 attempt(s)")
                        .contains("run the same command again");
            }
            // when: the broker comes back on its journal; during the rerun it dies again and is restarted at once
            broker = startBroker(port, brokerDir);
            try (ChildJvm shinsei = ChildJvm.start(MAIN, childOptions(data, longRetry), run)) {
                assertThat(nth(shinsei, l -> SENT.matcher(l).find(), 2, "publish line")).isNotNull();
                broker.kill();
                broker = startBroker(port, brokerDir);
                int exit = shinsei.exit(RUN_TIMEOUT);
                long retries = shinsei.outputLines().stream().filter(l -> l.contains("send failed")).count();
                System.out.println("broker test: broker killed and restarted during the rerun; " + retries
                        + " send(s) retried; shinsei exit " + exit);
                // then: the retries bridge the restart and the batch completes
                assertThat(exit).as("exit status of the rerun; output:\n" + shinsei.output()).isZero();
                assertThat(retries).as("sends retried while the broker restarted").isPositive();
            }
            // then: every record exactly once in results.jsonl and on the broker
            Map<String, Integer> results = countResults(out.resolve(BATCH).resolve("results.jsonl"));
            Map<String, Integer> queued = browseBroker(port);
            System.out.printf("broker test: results.jsonl %d lines, broker queues %d messages for %d expected records%n",
                    total(results), total(queued), batch.expectedKeys().size());
            assertExactlyOnce("results.jsonl", results, batch.expectedKeys());
            assertExactlyOnce("the external broker's queues", queued, batch.expectedKeys());
        } finally {
            broker.close();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static List<String> childOptions(Path data, List<String> more) {
        List<String> o = new ArrayList<>(List.of(
                "-Dshinsei.home=" + Path.of("").toAbsolutePath(),
                "-Dshinsei.data-dir=" + data,
                "-Dshinsei.batch.chunk-size=4",
                "-Dshinsei.publish.commit-every=" + PUBLISH_EVERY,
                "-Dshinsei.publish.progress-every=" + PUBLISH_EVERY));
        o.addAll(more);
        return o;
    }

    private static ChildJvm startBroker(int port, Path dir) throws Exception {
        ChildJvm broker = ChildJvm.start(StandaloneBroker.class.getName(), List.of(), List.of(String.valueOf(port), dir.toString()));
        String ready = broker.await(l -> l.startsWith("BROKER READY"), Duration.ofMinutes(1));
        assertThat(ready).as("broker start; its output:\n" + broker.output()).isNotNull();
        System.out.println("broker test: " + ready);
        return broker;
    }

    /** The {@code n}-th line matching {@code wanted}, or the last one before the process ended (null if none). */
    private static String nth(ChildJvm child, Predicate<String> wanted, int n, String what) throws InterruptedException {
        String line = null;
        for (int i = 0; i < n; i++) {
            String next = child.await(wanted, RUN_TIMEOUT);
            if (next == null) {
                return line;
            }
            line = next;
            if (what.equals("envelope line") && PUBLISH_LINE.test(next)) {
                return next;   // analysis ended before the n-th envelope: kill in publish instead
            }
        }
        return line;
    }

    /** Where the child was when killed, from the last line that tells. */
    private static String phase(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("Batch ") || l.contains("duplicates →")) {
                return "after publish";
            }
            if (PUBLISH_LINE.test(l)) {
                return l.contains("record(s) sent to the output queue") ? "after publish" : "publish";
            }
            if (ENVELOPE_LINE.test(l) || l.contains("progress: ") || l.contains("inventory: ")) {
                return "analyze";
            }
        }
        return "start-up";
    }

    private static String progress(List<String> lines) {
        long envelopes = lines.stream().filter(ENVELOPE_LINE).count();
        String sent = lastMatch(lines, SENT);
        return envelopes + " envelope(s) analysed in this run" + (sent == null ? "" : ", last '" + shorten(sent) + "'");
    }

    /**
     * A lower bound of the records sent twice: a run killed after logging "x / N sent" that the next run finds
     * with N' still to send had x - (N - N') of its sends rolled back in H2 — sent again by the next run.
     */
    private static int resentAtLeast(List<List<String>> runs) {
        int resent = 0;
        for (int i = 0; i + 1 < runs.size(); i++) {
            String sent = lastMatch(runs.get(i), SENT);
            String next = lastMatch(runs.get(i + 1), TO_SEND);
            if (sent != null && next != null) {
                Matcher a = SENT.matcher(sent);
                Matcher b = TO_SEND.matcher(next);
                if (a.find() && b.find()) {
                    int committed = Integer.parseInt(a.group(2)) - Integer.parseInt(b.group(1));
                    resent += Math.max(0, Integer.parseInt(a.group(1)) - committed);
                }
            }
        }
        return resent;
    }

    private static String lastMatch(List<String> lines, Pattern p) {
        String last = null;
        for (String l : lines) {
            if (p.matcher(l).find()) {
                last = l;
            }
        }
        return last;
    }

    private static String shorten(String logLine) {
        int i = logLine.indexOf("INFO  ");
        return i >= 0 ? logLine.substring(i + 6) : logLine;
    }

    /** {@code shinsei queue browse --json} in a child JVM (the embedded broker on the run's data folder). */
    private static Map<String, Integer> countBrowsed(Path data, List<String> database) throws Exception {
        try (ChildJvm browse = ChildJvm.start(MAIN, childOptions(data, database), List.of("queue", "browse", "--json"))) {
            int exit = browse.exit(RUN_TIMEOUT);
            assertThat(exit).as("queue browse; its output:\n" + browse.output()).isZero();
            return countJsonLines(browse.outputLines());
        }
    }

    /** A JMS queue browser on the external broker: every message of the three queues, none consumed. */
    private static Map<String, Integer> browseBroker(int port) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String q : List.of("shinsei.accepted", "shinsei.rejected", "shinsei.review")) {
                try (QueueBrowser browser = s.createBrowser(s.createQueue(q))) {
                    for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                        FormRecord r = RecordJson.read(((TextMessage) e.nextElement()).getText());
                        assertThat(q).as("queue of " + key(r)).isEqualTo("shinsei." + r.outcome().queueSuffix());
                        counts.merge(key(r), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
