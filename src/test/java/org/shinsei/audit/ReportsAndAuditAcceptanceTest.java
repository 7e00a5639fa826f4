package org.shinsei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.cli.ShinseiCli;
import org.shinsei.decision.Outcome;
import org.shinsei.decision.Reason;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordJson;
import org.shinsei.output.RejectionsCsv;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The acceptance of issue 7 on the sample batch, run once (in a copy of {@code sample-scans}, since one test
 * changes an envelope): report.html opened in headless Chromium, report.pdf read back with PDFBox, rejections.csv
 * parsed, {@code verify} on the fresh log and on four kinds of tampering, {@code replay} on the fresh batch and
 * with a photo rule changed, and {@code report} regenerating the files from H2.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReportsAndAuditAcceptanceTest {

    private static final String BATCH = "20261128";

    @TempDir
    static Path tmp;
    static Path scans;
    static Path out;
    static Path batchDir;
    static List<FormRecord> nonAccepted;

    @BeforeAll
    static void runTheSampleBatch() throws IOException {
        scans = tmp.resolve("scans");
        Files.createDirectories(scans);
        try (Stream<Path> files = Files.list(Path.of("sample-scans"))) {
            for (Path f : files.toList()) {
                Files.copy(f, scans.resolve(f.getFileName().toString()));
            }
        }
        System.setProperty("shinsei.data-dir", tmp.resolve("data").toString());
        out = tmp.resolve("out");
        int exit = ShinseiCli.run(new String[] {"run", scans.toString(), "--out", out.toString(), "--batch-id", BATCH});
        assertThat(exit).as("run exit status").isZero();
        batchDir = out.resolve(BATCH);
        nonAccepted = new ArrayList<>();
        for (String line : Files.readAllLines(batchDir.resolve("results.jsonl"), StandardCharsets.UTF_8)) {
            FormRecord r = RecordJson.read(line);
            if (r.outcome() != Outcome.ACCEPTED) {
                nonAccepted.add(r);
            }
        }
        assertThat(nonAccepted).as("the sample batch has records to review").hasSizeGreaterThan(10);
    }

    @AfterAll
    static void clear() {
        System.clearProperty("shinsei.data-dir");
    }

    @Test
    void reportHtmlShowsEveryNonAcceptedRecordWithItsCropsInChromium() throws Exception {
        Path html = batchDir.resolve("report.html");
        String source = Files.readString(html);
        assertThat(source).as("self-contained: nothing fetched").doesNotContainPattern("(src|href)=\"https?:");

        Path profile = Files.createTempDirectory(tmp, "chromium-");
        Path png = tmp.resolve("report.png");
        chromium(profile, "--screenshot=" + png, "--window-size=1280,2600", html.toUri().toString());
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(inkFraction(shot)).as("share of non-white pixels in the screenshot").isGreaterThan(0.03);

        String dom = chromium(Files.createTempDirectory(tmp, "chromium-"), "--dump-dom", html.toUri().toString());
        List<String> sections = List.of(dom.split("<section"));
        for (FormRecord r : nonAccepted) {
            String marker = "data-envelope=\"" + r.envelope() + "\" data-page=\"" + (r.page() == null ? 0 : r.page()) + "\"";
            List<String> mine = sections.stream().filter(s -> s.contains(marker)).toList();
            assertThat(mine).as("one section for %s p%s", r.envelope(), r.page()).hasSize(1);
            String s = mine.get(0);
            assertThat(s).contains(r.outcome().name());
            r.reasons().forEach(reason -> assertThat(s).contains(reason.message()));
            if (r.page() != null) {
                assertThat(s).as("%s p%s has its photo crop", r.envelope(), r.page())
                        .containsPattern("(<image|<img)[^>]*data:image/jpeg;base64,");
            }
            if (r.applicationId() != null) {
                assertThat(s).as("the ID is masked").doesNotContain(r.applicationId())
                        .contains(r.applicationId().substring(19));
            }
        }
        assertThat(dom).contains("件を表示"); // the filter script ran
        Path keep = Path.of("target", "issue7");
        Files.createDirectories(keep);
        for (Path f : List.of(png, html, batchDir.resolve("report.pdf"), batchDir.resolve("audit.jsonl"))) {
            Files.copy(f, keep.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING); // to look at
        }
        System.out.printf("report.html: %d records, screenshot %s (%d bytes, ink %.1f %%)%n", nonAccepted.size(), png,
                Files.size(png), 100 * inkFraction(shot));
    }

    @Test
    void reportPdfCarriesTheJapaneseReasonsAndTheCrops() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(batchDir.resolve("report.pdf").toFile())) {
            // NFKC: IPAex maps some kanji and their Kangxi radical forms (見/⾒) to one glyph, and PDFBox's ToUnicode
            // names the radical; NFKC folds it back, as a reader's search would
            String text = Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFKC).replaceAll("\\s", "");
            for (FormRecord r : nonAccepted) {
                assertThat(text).contains(r.envelope());
                for (Reason reason : r.reasons()) {
                    assertThat(text).as("message of %s", reason.code())
                            .contains(Normalizer.normalize(reason.message(), Normalizer.Form.NFKC).replaceAll("\\s", ""));
                }
            }
            int images = 0;
            boolean ipaex = false;
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images++;
                }
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    ipaex |= font.getName().contains("IPAexGothic") && font.isEmbedded();
                }
            }
            assertThat(ipaex).as("IPAex Gothic embedded").isTrue();
            long forms = nonAccepted.stream().filter(r -> r.page() != null).count();
            assertThat(images).as("at least one crop per form record").isGreaterThanOrEqualTo((int) forms);
            System.out.printf("report.pdf: %d pages, %d images, %d characters of text%n", pdf.getNumberOfPages(), images,
                    text.length());
        }
    }

    @Test
    void rejectionsCsvHasABomTheColumnsAndOneRowPerNonAcceptedRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(batchDir.resolve("rejections.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        try (Reader in = Files.newBufferedReader(batchDir.resolve("rejections.csv"), StandardCharsets.UTF_8)) {
            assertThat(in.read()).isEqualTo('\uFEFF');
            CSVParser csv = CSVParser.parse(in, CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get());
            assertThat(csv.getHeaderNames()).isEqualTo(RejectionsCsv.COLUMNS);
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).hasSize(nonAccepted.size());
            for (int i = 0; i < rows.size(); i++) {
                FormRecord r = nonAccepted.get(i);
                CSVRecord row = rows.get(i);
                assertThat(row.get("envelope")).isEqualTo(r.envelope());
                assertThat(row.get("outcome")).isEqualTo(r.outcome().name());
                assertThat(row.get("reason_codes")).isEqualTo(String.join(";", r.reasons().stream().map(x -> x.code().name()).toList()));
                assertThat(row.get("messages_ja")).contains(r.reasons().get(0).message());
                if (r.applicationId() != null) {
                    assertThat(row.get("application_id")).startsWith("*").endsWith(r.applicationId().substring(19));
                }
            }
        }
    }

    @Test
    void verifyPassesOnTheFreshLogAndFailsOnEachTampering(CapturedOutput output) throws IOException {
        assertThat(ShinseiCli.run(new String[] {"verify", batchDir.toString()})).isZero();
        assertThat(output.getOut()).contains("intact");
        List<String> lines = Files.readAllLines(batchDir.resolve(AuditChain.FILE), StandardCharsets.UTF_8);
        int middle = lines.size() / 2;

        List<String> oneByte = new ArrayList<>(lines);
        String l = oneByte.get(middle);
        int at = l.indexOf("\"outcome\":\"") + 11;
        oneByte.set(middle, l.substring(0, at) + (l.charAt(at) == 'R' ? 'X' : 'R') + l.substring(at + 1));
        assertBroken("one byte changed", oneByte, middle + 1, output);

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(middle);
        assertBroken("an entry deleted", deleted, middle + 1, output);

        List<String> lastDeleted = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertBroken("the last entry deleted", lastDeleted, lines.size() - 1, output);

        List<String> swapped = new ArrayList<>(lines);
        Collections.swap(swapped, middle, middle + 1);
        assertBroken("two entries swapped", swapped, middle + 1, output);

        // an envelope changed after the batch: the chain holds, the file's hash does not
        Path envelope = scans.resolve("env-16-no-signature.tif");
        Path saved = tmp.resolve("saved.tif");
        Files.copy(envelope, saved, StandardCopyOption.REPLACE_EXISTING);
        try {
            byte[] b = Files.readAllBytes(envelope);
            b[b.length / 2] ^= 1;
            Files.write(envelope, b);
            assertThat(ShinseiCli.run(new String[] {"verify", batchDir.toString()})).as("envelope modified").isGreaterThanOrEqualTo(2);
            assertThat(output.getOut()).contains("env-16-no-signature.tif").contains("the file was changed");
        } finally {
            Files.copy(saved, envelope, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(ShinseiCli.run(new String[] {"verify", batchDir.toString()})).isZero();
    }

    @Test
    void aRerunOfTheCompletedBatchRewritesTheLogWithoutDoublingADecision() throws IOException {
        long before = decisions();
        int exit = ShinseiCli.run(new String[] {"run", scans.toString(), "--out", out.toString(), "--batch-id", BATCH});
        assertThat(exit).isZero();
        assertThat(decisions()).isEqualTo(before).isEqualTo(Files.readAllLines(batchDir.resolve("results.jsonl")).size());
        assertThat(Files.readString(batchDir.resolve(AuditChain.FILE))).contains("\"event\":\"rerun\"");
        assertThat(AuditVerifier.verify(batchDir).intact()).isTrue();
    }

    @Test
    void aBatchResumedAfterAFailureLogsBothRunsAndEachDecisionOnce() throws IOException {
        // given: a small batch whose report step fails (its output folder is taken by a file)
        Path small = tmp.resolve("small");
        Files.createDirectories(small);
        for (String f : List.of("registry.csv", "env-01-accepted-300dpi-colour.pdf", "env-07-letter-only.pdf",
                "env-16-no-signature.tif")) {
            Files.copy(scans.resolve(f), small.resolve(f));
        }
        Path smallOut = tmp.resolve("small-out");
        Files.createDirectories(smallOut);
        Files.writeString(smallOut.resolve("20261127"), "in the way");
        String[] run = {"run", small.toString(), "--out", smallOut.toString(), "--batch-id", "20261127"};
        assertThat(ShinseiCli.run(run)).as("the first run fails in its report step").isGreaterThanOrEqualTo(2);

        // when: the obstacle is gone and the same command resumes the batch
        Files.delete(smallOut.resolve("20261127"));
        assertThat(ShinseiCli.run(run)).isZero();

        // then
        Path dir = smallOut.resolve("20261127");
        List<String> log = Files.readAllLines(dir.resolve(AuditChain.FILE));
        assertThat(log.stream().filter(l -> l.contains("\"type\":\"batch\"")).map(l -> l.replaceAll(".*\"event\":\"(\\w+)\".*", "$1")))
                .containsExactly("start", "resume", "complete");
        assertThat(log.get(0)).contains("\"status\":\"FAILED\"");
        assertThat(log.stream().filter(l -> l.contains("\"type\":\"decision\"")).map(l -> l.replaceAll(".*\"envelope\":\"([^\"]+)\".*", "$1")))
                .containsExactly("env-01-accepted-300dpi-colour.pdf", "env-07-letter-only.pdf", "env-16-no-signature.tif");
        assertThat(AuditVerifier.verify(dir).intact()).isTrue();
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
    }

    private static long decisions() throws IOException {
        return Files.readAllLines(batchDir.resolve(AuditChain.FILE)).stream()
                .filter(l -> l.contains("\"type\":\"decision\"")).count();
    }

    private static void assertBroken(String what, List<String> lines, int expectedEntry, CapturedOutput output) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "tampered-");
        Files.write(dir.resolve(AuditChain.FILE), lines, StandardCharsets.UTF_8);
        assertThat(ShinseiCli.run(new String[] {"verify", dir.toString()})).as(what).isGreaterThanOrEqualTo(2);
        assertThat(output.getOut()).as(what).contains("BROKEN at entry " + expectedEntry + ":");
    }

    @Test
    void replayReproducesTheFreshBatchAndNotAChangedPhotoRule(CapturedOutput output) {
        assertThat(ShinseiCli.run(new String[] {"replay", batchDir.toString()})).as("replay of the fresh batch").isZero();
        assertThat(output.getOut()).containsPattern("replay " + BATCH + ": \\d+ decision\\(s\\), \\d+ reproduced, 0 difference");

        System.setProperty("shinsei.photo.framing.crown-to-chin-mm.min", "20");
        System.setProperty("shinsei.photo.framing.crown-to-chin-mm.max", "60");
        try {
            int exit = ShinseiCli.run(new String[] {"replay", batchDir.toString()});
            assertThat(exit).as("replay with a photo rule changed").isGreaterThanOrEqualTo(2);
            assertThat(output.getOut()).contains("DIFFERENT configuration: shinsei.photo.framing.crownToChinMm.max: logged 36")
                    .contains("DIFFERENT environment: configSha256");
        } finally {
            System.clearProperty("shinsei.photo.framing.crown-to-chin-mm.min");
            System.clearProperty("shinsei.photo.framing.crown-to-chin-mm.max");
        }
    }

    /**
     * Issue 20: an auditor's own installation, without the registry, replays the batch from the registry facts the
     * log carries; one whose registry changed since replays it too, and lists apart where today's registry would
     * decide otherwise.
     */
    @Test
    void replayOnAnotherInstallationUsesTheLoggedRegistryFactsAndListsTodaysRegistryApart(CapturedOutput output)
            throws IOException {
        String before = System.getProperty("shinsei.data-dir");
        try {
            // an empty installation: a fresh data folder, no registry
            System.setProperty("shinsei.data-dir", tmp.resolve("auditor-empty").toString());
            assertThat(ShinseiCli.run(new String[] {"replay", batchDir.toString()})).as("replay on a fresh data folder").isZero();
            assertThat(output.getOut())
                    .containsPattern("replay " + BATCH + ": (\\d+) decision\\(s\\), \\1 reproduced, 0 difference")
                    .contains("REGISTRY TODAY this installation's registry is empty");

            // an installation whose registry changed: one form's data changed, one form no longer in it
            List<String> rows = Files.readAllLines(scans.resolve("registry.csv"), StandardCharsets.UTF_8);
            String changed = "24972405146003949009194";   // env-01, ACCEPTED in expected.csv
            String gone = "28908171131542998363772";      // env-02, ACCEPTED
            List<String> today = rows.stream().filter(r -> !r.startsWith(gone))
                    .map(r -> r.startsWith(changed) ? r.replace(",ISSUED", ",DATA_CHANGED") : r).toList();
            assertThat(today).hasSize(rows.size() - 1).anyMatch(r -> r.startsWith(changed) && r.endsWith("DATA_CHANGED"));
            Path csv = tmp.resolve("registry-today.csv");
            Files.write(csv, today, StandardCharsets.UTF_8);
            System.setProperty("shinsei.data-dir", tmp.resolve("auditor-changed").toString());
            assertThat(ShinseiCli.run(new String[] {"registry", "import", csv.toString()})).isZero();
            int exit = ShinseiCli.run(new String[] {"replay", batchDir.toString()});

            String out = output.getOut();
            String afterImport = out.substring(out.lastIndexOf("REGISTRY TODAY this installation's registry is empty"));
            List<String> todayLines = afterImport.lines().filter(l -> l.startsWith("REGISTRY TODAY ")).skip(1).toList();
            System.out.println("replay on a changed registry: " + todayLines);
            assertThat(exit).as("replay with a changed registry (the logged facts decide)").isZero();
            // env-01 and env-15 (its duplicate, same ID), and env-02
            assertThat(todayLines).as("the decisions today's registry would change").hasSize(3);
            assertThat(todayLines).anySatisfy(l -> assertThat(l).startsWith("REGISTRY TODAY env-15").contains("says DATA_CHANGED"));
            assertThat(todayLines).anySatisfy(l -> assertThat(l).startsWith("REGISTRY TODAY env-01")
                    .contains("*******************9194").contains("says DATA_CHANGED")
                    .contains("would decide [FORM_DATA_CHANGED] instead of no registry reason"));
            assertThat(todayLines).anySatisfy(l -> assertThat(l).startsWith("REGISTRY TODAY env-02")
                    .contains("says not issued").contains("would decide [ID_UNKNOWN]"));
            assertThat(out).as("full IDs on the console").doesNotContain(changed).doesNotContain(gone);
        } finally {
            System.setProperty("shinsei.data-dir", before);
        }
    }

    @Test
    void reportCommandWritesTheReportAgainFromTheDatabase() throws IOException {
        Path again = tmp.resolve("again");
        assertThat(ShinseiCli.run(new String[] {"report", BATCH, "--out", again.toString()})).isZero();
        for (String f : List.of("report.html", "report.pdf", "rejections.csv")) {
            assertThat(again.resolve(BATCH).resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readAllBytes(again.resolve(BATCH).resolve("rejections.csv")))
                .isEqualTo(Files.readAllBytes(batchDir.resolve("rejections.csv")));
        String html = Files.readString(again.resolve(BATCH).resolve("report.html"));
        assertThat(html.split("data:image/jpeg;base64,").length - 1).isGreaterThanOrEqualTo(
                (int) nonAccepted.stream().filter(r -> r.page() != null).count());
    }

    private static String chromium(Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile(tmp, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit status").isZero();
        return Files.readString(stdout);
    }

    private static double inkFraction(BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                if (lum < 3 * 235) {
                    ink++;
                }
            }
        }
        return ink / ((img.getWidth() / 2.0) * (img.getHeight() / 2.0));
    }
}
