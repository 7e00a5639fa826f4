package org.shinsei.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordJson;
import org.shinsei.sample.SamplePersonalData;
import org.shinsei.support.OpenCv;

/**
 * The acceptance of issue 8: the real batch, in a child JVM with a fixed heap and two workers, on 520 mutations
 * of the sample envelopes (bit flips, truncation, duplicated chunks, header edits, overwritten and deleted ranges;
 * the seed is printed, {@code -Dshinsei.fuzz.seed=N} replays one) and a fixed list of hand-made hostile files
 * (decompression bombs, giant dimensions in PNG/JPEG/TIFF/PDF headers, an encrypted and a 5,000-page PDF, bad TIFF
 * directories, zero bytes, links, a FIFO, a folder named like a file, odd names). The batch must complete, every
 * input must have its records (one, or one per form page) or, for a folder, a log line saying why it was skipped;
 * no OutOfMemoryError (the JVM exits on one), no envelope over the configured time, no personal data in the log,
 * (at DEBUG level, exceptions included), nothing written outside the output and data folders, and the results
 * readable by their owner only.
 */
class HostileInputFuzzTest {

    private static final Path SAMPLES = Path.of("sample-scans");
    private static final long SEED = Long.getLong("shinsei.fuzz.seed", 20261128L);
    private static final int MUTANTS = 520;
    /** The heap the child JVM gets; -XX:+ExitOnOutOfMemoryError makes any overflow a failed run. */
    private static final String HEAP = "-Xmx1g";
    private static final Duration ENVELOPE_TIMEOUT = Duration.ofSeconds(30);
    /** What a timed-out envelope may take beyond the timeout: making its record and the log line. */
    private static final long SLACK_MS = 2_000;
    /** Smaller envelopes of every format: the mutants are analysed fully when they still decode. */
    private static final List<String> SOURCES = List.of(
            "env-17-no-phone.jpg", "env-12-id-unknown.pdf", "env-16-no-signature.tif", "env-07-letter-only.pdf",
            "env-08-handwritten-tegaki-form.jpg", "env-04-accepted-270deg-q35.jpg", "env-02-accepted-grey-200dpi-180deg.tif",
            "env-03-accepted-400dpi-nodpi-90deg-skew4.png");
    private static final Pattern ENVELOPE_LINE = Pattern.compile("^\\S+ INFO +(.*): (\\d+) records? → (.*) \\((\\d+) ms\\)$");
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    @Test
    void theBatchSurvivesHostileAndBrokenEnvelopes(@TempDir Path tmp) throws Exception {
        // given
        Path in = Files.createDirectory(tmp.resolve("in"));
        Map<String, String> inputs = new LinkedHashMap<>();   // envelope name → what it is
        Random rnd = new Random(SEED);
        System.out.println("fuzz seed " + SEED + " (replay with -Dshinsei.fuzz.seed=" + SEED + ")");
        List<byte[]> sources = new ArrayList<>();
        for (String s : SOURCES) {
            sources.add(Files.readAllBytes(SAMPLES.resolve(s)));
        }
        for (int i = 0; i < MUTANTS; i++) {
            int s = i % SOURCES.size();
            HostileFiles.Mutant m = HostileFiles.mutate(sources.get(s), rnd);
            String src = SOURCES.get(s);
            String name = String.format("m%03d-%s-%s", i, m.kind(), src.substring(0, 6)) + src.substring(src.lastIndexOf('.'));
            Files.write(in.resolve(name), m.bytes());
            inputs.put(name, "mutant " + m.kind());
        }
        byte[] jpeg = sources.get(0);
        Map<String, byte[]> handMade = HostileFiles.handMade(jpeg, sources.get(1),
                sources.get(SOURCES.indexOf("env-03-accepted-400dpi-nodpi-90deg-skew4.png")), sources.get(2));
        for (var e : handMade.entrySet()) {
            Files.write(in.resolve(e.getKey()), e.getValue());
            inputs.put(e.getKey(), "hand-made");
        }
        for (String odd : HostileFiles.oddNames()) {
            Files.write(in.resolve(odd), jpeg);
            if (!odd.startsWith(".")) {
                inputs.put(odd, "odd name");
            }
        }
        Files.createSymbolicLink(in.resolve("link-to-envelope-inside.jpg"), Path.of("-dash-first.jpg"));
        Files.createSymbolicLink(in.resolve("link-to-outside.pdf"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(in.resolve("link-dangling.pdf"), in.resolve("does-not-exist.pdf"));
        Files.createDirectory(in.resolve("sub-folder"));
        Files.createSymbolicLink(in.resolve("link-to-folder.pdf"), in.resolve("sub-folder"));
        for (String link : List.of("link-to-envelope-inside.jpg", "link-to-outside.pdf", "link-dangling.pdf", "link-to-folder.pdf")) {
            inputs.put(link, "link");
        }
        Path dirLikeFile = Files.createDirectory(in.resolve("folder-named-like-a-file.pdf"));
        Files.write(dirLikeFile.resolve("inside.jpg"), jpeg);
        if (new ProcessBuilder("mkfifo", in.resolve("fifo.pdf").toString()).start().waitFor() == 0) {
            inputs.put("fifo.pdf", "FIFO");
        }
        Files.writeString(in.resolve(".hidden.pdf"), "not an envelope");
        Map<String, Long> before = listing(in);
        System.out.printf("inputs: %d envelope(s) (%d mutants, %d hand-made, %d odd names, links, FIFO) in %s%n",
                inputs.size(), MUTANTS, handMade.size(), HostileFiles.oddNames().size(), in);

        // when
        Path out = tmp.resolve("out");
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("batch.log");
        Path gc = tmp.resolve("gc.log");
        long t0 = System.nanoTime();
        int exit = runBatchInChildJvm(in, out, data, log, gc);
        double seconds = (System.nanoTime() - t0) / 1e9;

        // then
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(exit).as("exit status of the batch (log: " + tail(lines) + ")").isZero();
        assertThat(lines).as("the batch completed").anyMatch(l -> l.contains("Batch fuzz COMPLETED"));

        Map<String, List<FormRecord>> byEnvelope = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("fuzz").resolve("results.jsonl"), StandardCharsets.UTF_8)) {
            FormRecord r = RecordJson.read(line);
            byEnvelope.computeIfAbsent(r.envelope(), k -> new ArrayList<>()).add(r);
        }
        List<String> problems = new ArrayList<>();
        for (String name : inputs.keySet()) {
            List<FormRecord> rs = byEnvelope.getOrDefault(name, List.of());
            if (rs.isEmpty()) {
                problems.add(name + ": no record");
            } else if (rs.size() > 1) {
                Set<Integer> pages = new HashSet<>();
                for (FormRecord r : rs) {
                    if (r.page() == null || !pages.add(r.page())) {
                        problems.add(name + ": " + rs.size() + " records that are not one per form page");
                    }
                }
            }
        }
        Set<String> unexpected = new HashSet<>(byEnvelope.keySet());
        unexpected.removeAll(inputs.keySet());
        assertThat(problems).as("inputs without exactly their records").isEmpty();
        assertThat(unexpected).as("records for things that are not envelopes").isEmpty();
        assertThat(lines).as("the folder named like a file is skipped with a reason")
                .anyMatch(l -> l.contains("folder-named-like-a-file.pdf/: a sub-folder, not an envelope"));
        assertThat(lines).as("a file named with leading dots is hidden (SPEC §1), and skipped with a reason")
                .anyMatch(l -> l.contains("....jpg: a hidden file, not an envelope"));

        long slowestMs = -1;
        String slowest = null;
        int timed = 0;
        for (String line : lines) {
            Matcher m = ENVELOPE_LINE.matcher(line);
            if (m.matches()) {
                timed++;
                long ms = Long.parseLong(m.group(4));
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowest = m.group(1) + " → " + m.group(3);
                }
            }
        }
        assertThat(timed).as("a timed log line per envelope").isEqualTo(inputs.size());
        assertThat(slowestMs).as("slowest envelope (ms), limit " + ENVELOPE_TIMEOUT)
                .isLessThanOrEqualTo(ENVELOPE_TIMEOUT.toMillis() + SLACK_MS);

        long peakBefore = 0;
        long peakAfter = 0;
        for (String line : Files.readAllLines(gc)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peakBefore = Math.max(peakBefore, Long.parseLong(m.group(1)));
                peakAfter = Math.max(peakAfter, Long.parseLong(m.group(2)));
            }
        }

        String all = String.join("\n", lines);
        List<String> leaks = new ArrayList<>();
        for (String pd : SamplePersonalData.all(SAMPLES.resolve("registry.csv"))) {
            if (all.contains(pd)) {
                leaks.add(pd.replaceAll("\\d(?=\\d{4})", "*"));
            }
        }
        assertThat(leaks).as("personal data of the registry and the sample forms in the log").isEmpty();

        assertThat(listing(in)).as("the input folder is unchanged").isEqualTo(before);
        try (Stream<Path> top = Files.list(tmp)) {
            assertThat(top.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .as("nothing written outside the output and data folders")
                    .containsExactlyInAnyOrder("in", "out", "data", "batch.log", "gc.log");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("fuzz")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("fuzz").resolve("results.jsonl"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");

        // the figures
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> unreadable = new TreeMap<>();
        byEnvelope.forEach((name, rs) -> rs.forEach(r -> {
            String codes = r.reasons().stream().map(x -> x.code().name()).sorted().distinct().collect(Collectors.joining(","));
            outcomes.merge(r.outcome() + " " + (codes.contains("INPUT_UNREADABLE") ? "INPUT_UNREADABLE"
                    : codes.contains("FORM_NOT_FOUND") ? "FORM_NOT_FOUND" : "(form read)"), 1, Integer::sum);
            r.reasons().stream().filter(x -> x.code().name().equals("INPUT_UNREADABLE"))
                    .forEach(x -> unreadable.merge(reasonKind(x.detail()), 1, Integer::sum));
        }));
        System.out.printf("fuzz: %d inputs, %d records, batch of 2 workers with %s in %.1f s%n", inputs.size(),
                byEnvelope.values().stream().mapToInt(List::size).sum(), HEAP, seconds);
        System.out.println("  records by outcome: " + outcomes);
        System.out.println("  INPUT_UNREADABLE by reason:");
        unreadable.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("    %4d  %s%n", e.getValue(), e.getKey()));
        System.out.printf("  slowest envelope: %d ms (limit %d s): %s%n", slowestMs, ENVELOPE_TIMEOUT.toSeconds(), slowest);
        System.out.printf("  heap: peak %d MB before a GC, %d MB live after one (limit %s)%n", peakBefore, peakAfter, HEAP);
        handMade.keySet().forEach(n -> System.out.println("  " + n + " → " + summary(byEnvelope.get(n))));
    }

    private static String summary(List<FormRecord> rs) {
        if (rs == null) {
            return "no record";
        }
        return rs.stream().map(r -> r.outcome() + " " + r.reasons().stream()
                .map(x -> x.code() + (x.code().name().equals("INPUT_UNREADABLE") ? "(" + x.detail() + ")" : ""))
                .toList()).collect(Collectors.joining("; "));
    }

    /** The reason without the numbers, so that the same kind of refusal counts together. */
    private static String reasonKind(String detail) {
        String d = detail == null ? "" : detail.replaceAll("\\d+", "N");
        int colon = d.indexOf(": ");
        String head = colon > 0 && d.startsWith("PDF") ? d.substring(0, colon) : d;
        return head.length() > 110 ? head.substring(0, 110) + "…" : head;
    }

    private static int runBatchInChildJvm(Path in, Path out, Path data, Path log, Path gc) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gc,
                "-Dshinsei.data-dir=" + data,
                "-Dshinsei.scan.envelope-timeout=" + ENVELOPE_TIMEOUT.toSeconds() + "s",
                // every line the pipeline can write is checked for personal data, debug ones too
                "-Dlogging.level.org.shinsei=DEBUG",
                "-cp", System.getProperty("java.class.path"), "org.shinsei.ShinseiApplication",
                "run", in.toString(), "--out", out.toString(), "--batch-id", "fuzz",
                "--registry", SAMPLES.resolve("registry.csv").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.environment().put("SHINSEI_BATCH_WORKERS", "2");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the batch did not finish in 15 minutes: it hangs");
        }
        return p.exitValue();
    }

    private static Map<String, Long> listing(Path dir) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.isSymbolicLink(p) ? -1L
                        : Files.isRegularFile(p) ? Files.size(p) : -2L);
            }
        }
        return m;
    }

    private static String tail(List<String> lines) {
        return String.join(File.separator.equals("/") ? "\n" : "\r\n",
                lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
