package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.cli.ShinseiCli;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordJson;
import org.shinsei.sample.SamplePersonalData;
import org.shinsei.support.Masking;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The acceptance of issue 2, end to end and in-process: {@code shinsei run sample-scans} with the real stages
 * (Tesseract, OpenCV, ZXing, PDFBox) on the committed sample batch. Every record must match
 * {@code sample-scans/expected.csv} for outcome, application ID and reason codes, and no log line may carry the
 * registry's personal data. The same on a real PostgreSQL server ({@link PostgresCluster}).
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleBatchEndToEndTest {

    private static final Path SAMPLES = Path.of("sample-scans");

    @Test
    void sampleBatchGivesTheExpectedRecords(@TempDir Path tmp, CapturedOutput output) throws IOException {
        runAndCompare(tmp, output);
    }

    /** Issue 20: the same records on a real PostgreSQL server (profile postgresql), the rerun included. */
    @Test
    void onPostgreSqlTheSampleBatchGivesTheSameRecords(@TempDir Path tmp, CapturedOutput output) throws Exception {
        try (PostgresCluster postgres = PostgresCluster.start()) {
            String url = postgres.newDatabase();
            Map<String, String> properties = PostgresCluster.properties(url);
            properties.forEach(System::setProperty);
            try {
                runAndCompare(tmp, output);
                // the records are in PostgreSQL, not in an H2 file beside them
                try (Connection c = DriverManager.getConnection(url, "shinsei", "");
                     ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM form_record")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("records in the PostgreSQL database").isEqualTo(expected().size());
                }
                assertThat(tmp.resolve("data").resolve("shinsei.mv.db")).as("no H2 database").doesNotExist();
            } finally {
                properties.keySet().forEach(System::clearProperty);
            }
        }
    }

    private static void runAndCompare(Path tmp, CapturedOutput output) throws IOException {
        // given
        System.setProperty("shinsei.data-dir", tmp.resolve("data").toString());
        Path out = tmp.resolve("out");
        try {
            // when
            int exit = ShinseiCli.run(new String[] {"run", SAMPLES.toString(), "--out", out.toString(), "--batch-id", "20261128"});

            // then
            assertThat(exit).as("exit status").isZero();
            Map<String, Expected> expected = expected();
            Map<String, FormRecord> actual = new TreeMap<>();
            for (String line : Files.readAllLines(out.resolve("20261128").resolve("results.jsonl"), StandardCharsets.UTF_8)) {
                FormRecord r = RecordJson.read(line);
                actual.put(key(r.envelope(), r.page()), r);
            }
            assertThat(actual.keySet()).as("one record per form and per formless envelope").isEqualTo(expected.keySet());
            List<String> mismatches = new ArrayList<>();
            expected.forEach((k, e) -> {
                FormRecord r = actual.get(k);
                String got = r.outcome() + " " + r.applicationId() + " " + codes(r);
                String want = e.outcome + " " + e.applicationId + " " + e.reasons;
                if (!got.equals(want)) {
                    mismatches.add(k + ": expected " + want + " but was " + got + " " + details(r));
                }
            });
            assertThat(mismatches).as("records that differ from expected.csv").isEmpty();
            assertThat(output.getAll()).contains("Batch 20261128 COMPLETED");
            assertNoPersonalData(output.getAll());

            // and a rerun of the finished batch publishes nothing new and keeps the same records
            int again = ShinseiCli.run(new String[] {"run", SAMPLES.toString(), "--out", out.toString(), "--batch-id", "20261128"});
            assertThat(again).isZero();
            assertThat(Files.readAllLines(out.resolve("20261128").resolve("results.jsonl"))).hasSize(actual.size());
            assertThat(output.getAll()).contains("publish: 0 record(s) sent to the output queue (nothing new");
        } finally {
            System.clearProperty("shinsei.data-dir");
        }
    }

    private static void assertNoPersonalData(String log) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLES.resolve("registry.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(log).as("log must not contain an application ID").doesNotContain(f[0]);
            assertThat(log).as("log must not contain a name").doesNotContain(f[1]);
            assertThat(log).as("log must not contain an address").doesNotContain(f[2]);
        }
        // and the phone numbers written on the forms, names without their space, addresses without the postcode
        Set<String> personal = SamplePersonalData.all(SAMPLES.resolve("registry.csv"));
        assertThat(personal).as("phone numbers known").containsAll(SamplePersonalData.phones()).hasSizeGreaterThan(100);
        List<String> found = personal.stream().filter(log::contains).map(Masking::lastFour).toList();
        assertThat(found).as("personal data in the log (masked here)").isEmpty();
    }

    private record Expected(String outcome, String applicationId, String reasons) {
    }

    private static Map<String, Expected> expected() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLES.resolve("expected.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("envelope,page,outcome,application_id,reasons");
        Map<String, Expected> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Integer page = f[1].isEmpty() ? null : Integer.valueOf(f[1]);
            String reasons = Arrays.stream(f[4].split(";")).filter(s -> !s.isEmpty()).sorted().collect(Collectors.joining(";"));
            out.put(key(f[0], page), new Expected(f[2], f[3].isEmpty() ? null : f[3], reasons));
        }
        return out;
    }

    private static String key(String envelope, Integer page) {
        return envelope + "#" + (page == null ? "-" : page);
    }

    private static String codes(FormRecord r) {
        return r.reasons().stream().map(x -> x.code().name()).sorted().collect(Collectors.joining(";"));
    }

    private static String details(FormRecord r) {
        return r.reasons().stream().map(x -> x.code() + "(" + x.detail() + ")").collect(Collectors.joining(" "))
                + " photo=" + r.photo() + " fields=" + r.fields();
    }
}
