package org.shinsei.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.shinsei.form.LayoutLoader;
import org.shinsei.sample.EnvelopeWriter.TiffCompression;
import org.shinsei.sample.RegistryEntry.Status;

/**
 * Forms for the benchmark: {@code n} complete, compliant applications (the sample batch's residents, each with its
 * own ID, handwriting, ink and pasted photo), one envelope each, plus the {@code registry.csv} that issued them.
 * {@link Formats#PDF_JPEG_300} is what scanners usually deliver: one 300-dpi colour JPEG page per PDF, slightly
 * skewed and shifted. {@link Formats#MIX} cycles through the formats and resolutions of SPEC §1.
 */
public final class BenchForms {

    /** The envelope formats of a benchmark batch. */
    public enum Formats { PDF_JPEG_300, MIX }

    /** Form numbers start here, far from the sample batch's residents, so IDs never collide with it. */
    private static final int FIRST_RESIDENT = 100_000;
    private static final float JPEG_QUALITY = 0.75f;

    private BenchForms() {
    }

    /**
     * Writes envelopes {@code first .. first+n-1} and their registry rows into {@code dir}, on {@code threads}
     * threads (generation is deterministic whatever the thread count).
     */
    public static void generate(Path dir, int first, int n, Formats formats, int threads) throws IOException {
        Files.createDirectories(dir);
        FormRenderer renderer = new FormRenderer(LayoutLoader.loadDefault());
        ScanSimulator simulator = new ScanSimulator(renderer);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<RegistryEntry>> rows = new ArrayList<>();
        try {
            for (int i = first; i < first + n; i++) {
                int k = i;
                rows.add(pool.submit(() -> write(dir, k, formats, simulator)));
            }
            StringBuilder csv = new StringBuilder(RegistryEntry.CSV_HEADER).append('\n');
            for (Future<RegistryEntry> f : rows) {
                csv.append(f.get().csvRow()).append('\n');
            }
            Files.writeString(dir.resolve("registry.csv"), csv.toString(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static RegistryEntry write(Path dir, int k, Formats formats, ScanSimulator simulator) {
        int resident = FIRST_RESIDENT + k;
        FormContent form = SampleBatchPlan.form(resident);
        SplittableRandom r = new SplittableRandom(resident * 13L);
        boolean colour = formats == Formats.PDF_JPEG_300 || k % 3 != 2;
        double dpi = formats == Formats.PDF_JPEG_300 ? 300 : new double[] {300, 200, 400, 300, 600}[k % 5];
        int orientation = formats == Formats.PDF_JPEG_300 ? 0 : new int[] {0, 0, 180, 0, 90, 270}[k % 6];
        ScanConditions c = ScanConditions.clean(dpi).withColour(colour)
                .withGeometry(orientation, r.nextDouble(-1.5, 1.5), r.nextDouble(-2.5, 2.5), r.nextDouble(-2.5, 2.5),
                        r.nextDouble(-0.01, 0.01))
                .withQuality(238 + r.nextInt(15), 1.5 + r.nextDouble(), 0.5 + r.nextDouble() * 0.4, 0)
                .withBedMargin(2);
        SimulatedScan scan = simulator.scan(form, c, resident);
        String stem = String.format("bench-%05d", k);
        try {
            if (formats == Formats.PDF_JPEG_300) {
                EnvelopeWriter.writePdf(dir.resolve(stem + ".pdf"), List.of(scan.image()), dpi, JPEG_QUALITY);
            } else {
                switch (k % 6) {
                    case 0, 3 -> EnvelopeWriter.writePdf(dir.resolve(stem + ".pdf"), List.of(scan.image()), dpi, JPEG_QUALITY);
                    case 1 -> EnvelopeWriter.writeTiff(dir.resolve(stem + ".tif"), List.of(scan.image()), dpi,
                            TiffCompression.DEFLATE);
                    case 2 -> EnvelopeWriter.writeJpeg(dir.resolve(stem + ".jpg"), scan.image(), dpi, JPEG_QUALITY);
                    case 4 -> EnvelopeWriter.writePng(dir.resolve(stem + ".png"), scan.image(), dpi);
                    default -> EnvelopeWriter.writeTiff(dir.resolve(stem + ".tif"), List.of(scan.image()), dpi,
                            TiffCompression.LZW);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RegistryEntry.of(form, Status.ISSUED);
    }
}
