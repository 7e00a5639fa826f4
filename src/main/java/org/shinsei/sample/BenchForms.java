package org.shinsei.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.shinsei.form.LayoutLoader;
import org.shinsei.sample.EnvelopeWriter.TiffCompression;
import org.shinsei.sample.RegistryEntry.Status;

/**
 * Forms for the benchmark: {@code n} complete, compliant applications (the sample batch's residents, each with its
 * own ID, handwriting, ink and pasted photo), one envelope each, plus the {@code registry.csv} that issued them.
 * Warm-up forms are other residents ({@code first} far from the measured ones), so that no measured form is a
 * duplicate of an earlier batch. {@link Formats#PDF_JPEG_300} is what scanners usually deliver: one 300-dpi colour JPEG page per PDF, slightly
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
     * Makes sure {@code pool} holds envelopes {@code first .. first+n-1} (generating only the missing ones, on
     * {@code threads} threads; deterministic whatever the thread count), then fills {@code batch} with links to
     * them and the {@code registry.csv} that issued them.
     */
    public static void prepare(Path pool, Path batch, int first, int n, Formats formats, int threads) throws IOException {
        Files.createDirectories(pool);
        Files.createDirectories(batch);
        FormRenderer renderer = new FormRenderer(LayoutLoader.loadDefault());
        ScanSimulator simulator = new ScanSimulator(renderer);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<Path>> files = new ArrayList<>();
        try {
            StringBuilder csv = new StringBuilder(RegistryEntry.CSV_HEADER).append('\n');
            for (int i = first; i < first + n; i++) {
                int k = i;
                csv.append(RegistryEntry.of(SampleBatchPlan.form(FIRST_RESIDENT + k), Status.ISSUED).csvRow()).append('\n');
                Path file = pool.resolve(fileName(k, formats));
                files.add(Files.exists(file) ? CompletableFuture.completedFuture(file)
                        : workers.submit(() -> write(file, k, formats, simulator)));
            }
            for (Future<Path> f : files) {
                Path file = f.get();
                Files.createLink(batch.resolve(file.getFileName()), file);
            }
            Files.writeString(batch.resolve("registry.csv"), csv.toString(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static String fileName(int k, Formats formats) {
        String ext = formats == Formats.PDF_JPEG_300 ? ".pdf" : switch (k % 6) {
            case 0, 3 -> ".pdf";
            case 1, 5 -> ".tif";
            case 2 -> ".jpg";
            default -> ".png";
        };
        return String.format("bench-%05d%s", k, ext);
    }

    private static Path write(Path file, int k, Formats formats, ScanSimulator simulator) {
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
        // written under a temporary name first, so that an interrupted run never leaves half a file in the pool
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            if (formats == Formats.PDF_JPEG_300) {
                EnvelopeWriter.writePdf(tmp, List.of(scan.image()), dpi, JPEG_QUALITY);
            } else {
                switch (k % 6) {
                    case 0, 3 -> EnvelopeWriter.writePdf(tmp, List.of(scan.image()), dpi, JPEG_QUALITY);
                    case 1 -> EnvelopeWriter.writeTiff(tmp, List.of(scan.image()), dpi, TiffCompression.DEFLATE);
                    case 2 -> EnvelopeWriter.writeJpeg(tmp, scan.image(), dpi, JPEG_QUALITY);
                    case 4 -> EnvelopeWriter.writePng(tmp, scan.image(), dpi);
                    default -> EnvelopeWriter.writeTiff(tmp, List.of(scan.image()), dpi, TiffCompression.LZW);
                }
            }
            return Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
