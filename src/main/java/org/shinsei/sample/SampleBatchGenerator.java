package org.shinsei.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.shinsei.form.LayoutLoader;

/**
 * Writes the committed sample batch ({@code sample-scans/}): the envelopes, {@code registry.csv},
 * {@code expected.csv} and {@code README.md}. Deterministic: the same files on every run on the same JDK, except
 * the encrypted PDF (PDFBox draws its AES key at random).
 *
 * <pre>
 * mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:$(cat target/cp.txt) org.shinsei.sample.SampleBatchGenerator sample-scans
 * </pre>
 */
public final class SampleBatchGenerator {

    private SampleBatchGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-scans");
        generate(out);
        System.out.println("sample batch written to " + out.toAbsolutePath());
    }

    public static void generate(Path outDir) throws IOException {
        SampleBatchPlan plan = new SampleBatchPlan(new FormRenderer(LayoutLoader.loadDefault()));
        Files.createDirectories(outDir);
        for (SampleEnvelope e : plan.envelopes()) {
            Path file = outDir.resolve(e.fileName());
            Files.deleteIfExists(file);
            e.maker().write(file);
        }
        writeLines(outDir.resolve("registry.csv"), RegistryEntry.CSV_HEADER,
                plan.registry().stream().map(RegistryEntry::csvRow).toList());
        writeLines(outDir.resolve("expected.csv"), ExpectedRecord.CSV_HEADER,
                expected(plan).stream().map(ExpectedRecord::csvRow).toList());
        Files.writeString(outDir.resolve("README.md"), SampleReadme.render(plan.envelopes()),
                StandardCharsets.UTF_8);
    }

    /** Every expected record, in envelope file-name order, then page order. */
    static List<ExpectedRecord> expected(SampleBatchPlan plan) {
        List<ExpectedRecord> all = new ArrayList<>();
        plan.envelopes().forEach(e -> all.addAll(e.expected()));
        all.sort(Comparator.comparing(ExpectedRecord::envelope)
                .thenComparing(r -> r.page() == null ? 0 : r.page()));
        return all;
    }

    private static void writeLines(Path file, String header, List<String> rows) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        rows.forEach(r -> sb.append(r).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
