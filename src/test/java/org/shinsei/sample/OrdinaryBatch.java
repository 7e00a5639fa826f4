package org.shinsei.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.shinsei.form.LayoutLoader;
import org.shinsei.sample.RegistryEntry.Status;

/**
 * A batch of ordinary envelopes for the crash and rerun tests, made by the project's generator: {@code count}
 * one-form grey 200-dpi JPEGs of the sample residents {@code first..first+count-1} (see {@link SampleBatchPlan#form}),
 * one family PDF with two forms and one file that is not an image (an INPUT_UNREADABLE record), with the
 * registry CSV of every form. Small and fast to analyse: what is tested is the batch machinery, not recognition.
 */
public final class OrdinaryBatch {

    /** The records the batch must give, as {@code envelope#page} keys ({@code envelope#-} for an envelope record). */
    private final List<String> expectedKeys = new ArrayList<>();

    private OrdinaryBatch() {
    }

    public static OrdinaryBatch generate(Path dir, int first, int count) throws IOException {
        OrdinaryBatch batch = new OrdinaryBatch();
        FormRenderer renderer = new FormRenderer(LayoutLoader.loadDefault());
        ScanSimulator simulator = new ScanSimulator(renderer);
        Files.createDirectories(dir);
        List<String> registry = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            FormContent form = SampleBatchPlan.form(n);
            registry.add(RegistryEntry.of(form, Status.ISSUED).csvRow());
            String name = String.format("ord-%03d.jpg", n);
            EnvelopeWriter.writeJpeg(dir.resolve(name), simulator.scan(form, conditions(n), n).image(), 200.0, 0.75f);
            batch.expectedKeys.add(name + "#1");
        }
        FormContent a = SampleBatchPlan.form(first + count);
        FormContent b = SampleBatchPlan.form(first + count + 1);
        registry.add(RegistryEntry.of(a, Status.ISSUED).csvRow());
        registry.add(RegistryEntry.of(b, Status.ISSUED).csvRow());
        String family = "ord-family-two-forms.pdf";
        EnvelopeWriter.writePdf(dir.resolve(family), List.of(simulator.scan(a, conditions(first + count), 1).image(),
                simulator.scan(b, conditions(first + count + 1), 2).image()), 200, 0.75f);
        batch.expectedKeys.add(family + "#1");
        batch.expectedKeys.add(family + "#2");
        String note = "ord-not-an-image.txt";
        SampleFiles.textNote(dir.resolve(note));
        batch.expectedKeys.add(note + "#-");
        StringBuilder csv = new StringBuilder(RegistryEntry.CSV_HEADER).append('\n');
        registry.forEach(r -> csv.append(r).append('\n'));
        Files.writeString(dir.resolve("registry.csv"), csv.toString(), StandardCharsets.UTF_8);
        return batch;
    }

    private static ScanConditions conditions(int n) {
        return ScanConditions.clean(200).withColour(false)
                .withGeometry(0, (n % 5 - 2) * 0.4, 0, 0, 0).withQuality(242, 1.0, 0.6, 0);
    }

    public List<String> expectedKeys() {
        return List.copyOf(expectedKeys);
    }

    public int envelopes() {
        return (int) expectedKeys.stream().map(k -> k.substring(0, k.indexOf('#'))).distinct().count();
    }
}
