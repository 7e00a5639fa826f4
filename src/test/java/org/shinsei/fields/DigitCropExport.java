package org.shinsei.fields;

import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.MnistDigits;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.sample.SimulatedScan;
import org.shinsei.sample.WrittenDate;
import org.shinsei.support.OpenCv;

/**
 * Makes the digit network's data (training/digits, never run by the build): MNIST digits of one split written into
 * the phone and date boxes of the form by {@link TrainingHandwriting}, scanned by the project's own scan simulator
 * (200–600 dpi, grey or colour, black, blue or faint blue ink, blur, noise, JPEG q 35–95 or lossless, a little skew
 * and scale), and cut out by the pipeline's own code ({@link DigitBoxReader#crop}) — so the network learns from
 * exactly what it will be given. Only the fields' strip of the page is scanned ({@link ScanSimulator#scanWindow}).
 *
 * <p>Writes {@code <out>.u8} (one {@value DigitImage#SIZE}² byte image per digit box that the pipeline cut as a
 * digit) and {@code <out>.csv} (label, MNIST index or -1 for a font digit, and the scan conditions), and prints how
 * many written boxes the pipeline did not take for a digit. Deterministic for its arguments.
 *
 * <pre>
 * java -cp ... org.shinsei.fields.DigitCropExport --mnist ../shared/data/digits/mnist --split train \
 *     --renderings 3 --seed 1 --out target/digits/train [--threads 2] [--font-share 0.06]
 * </pre>
 * {@code --split raw} writes every MNIST digit normalised straight from its 28 × 28 cell, without a scan;
 * {@code --writing as-written} writes the digits without {@link TrainingHandwriting}'s variations (calibration, test).
 */
public final class DigitCropExport {

    /** The fields' strip of the form: the phone boxes (y 110–119) and the date boxes (y 124–133). */
    private static final MmRect WINDOW = new MmRect(36, 106, 96, 31);
    /** InkPainter's salts for the phone, year, month and day boxes. */
    private static final long[] SALTS = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 200, 201, 210, 211, 220, 221};

    /** {@code --dump DIR}: the first {@value #DUMP_COUNT} window scans as PNG, to look at. */
    private static Path DUMP;
    private static final int DUMP_COUNT = 12;

    private record Crop(byte[] image, String meta) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        OpenCv.load();
        DUMP = a.containsKey("dump") ? Files.createDirectories(Path.of(a.get("dump"))) : null;
        MnistDigits mnist = MnistDigits.trainingSet(Path.of(a.getOrDefault("mnist", "../shared/data/digits/mnist")));
        String split = a.get("split");
        Path out = Path.of(a.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        List<Crop> crops = "raw".equals(split) ? raw(mnist)
                : scanned(mnist, DigitSplits.range(split), Integer.parseInt(a.getOrDefault("renderings", "1")),
                        Long.parseLong(a.getOrDefault("seed", "1")), Integer.parseInt(a.getOrDefault("threads", "2")),
                        Double.parseDouble(a.getOrDefault("font-share", "0")),
                        !"as-written".equals(a.getOrDefault("writing", "varied")));
        try (OutputStream img = new BufferedOutputStream(Files.newOutputStream(Path.of(out + ".u8")), 1 << 20);
             PrintWriter csv = new PrintWriter(Files.newBufferedWriter(Path.of(out + ".csv"), StandardCharsets.UTF_8))) {
            csv.println("label,index,dpi,colour,jpeg,ink");
            for (Crop c : crops) {
                img.write(c.image());
                csv.println(c.meta());
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d digit images in %.0f s -> %s.u8/.csv%n", split, crops.size(),
                (System.nanoTime() - t0) / 1e9, out);
    }

    private static List<Crop> raw(MnistDigits mnist) {
        List<Crop> out = new ArrayList<>(mnist.size());
        int side = mnist.cell();
        for (int i = 0; i < mnist.size(); i++) {
            Mat cell = new Mat(side, side, CvType.CV_8UC1);
            cell.put(0, 0, mnist.pixels()[i]);
            out.add(new Crop(DigitImage.normalise(cell), mnist.labels()[i] + "," + i + ",0,0,0,raw"));
            cell.release();
        }
        return out;
    }

    private static List<Crop> scanned(MnistDigits mnist, int[] range, int renderings, long seed, int threads,
                                      double fontShare, boolean varied) throws Exception {
        FormLayout layout = LayoutLoader.loadDefault();
        FormRenderer renderer = new FormRenderer(layout);
        ScanSimulator simulator = new ScanSimulator(renderer);
        List<MmRect> boxes = new ArrayList<>(layout.phoneBoxes());
        boxes.addAll(layout.yearBoxes());
        boxes.addAll(layout.monthBoxes());
        boxes.addAll(layout.dayBoxes());
        // every index of the split once per rendering, in an order drawn per rendering; font digits in between
        List<List<TrainingHandwriting.Write>> windows = new ArrayList<>();
        for (int r = 0; r < renderings; r++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + r);
            int[] order = new int[range[1] - range[0]];
            for (int i = 0; i < order.length; i++) {
                order[i] = range[0] + i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            List<TrainingHandwriting.Write> current = new ArrayList<>();
            for (int next = 0; next < order.length; ) {
                TrainingHandwriting.Write w;
                if (rnd.nextDouble() < fontShare) {
                    w = new TrainingHandwriting.Write(rnd.nextInt(10), -1, rnd.nextLong());
                } else {
                    int index = order[next++];
                    w = new TrainingHandwriting.Write(mnist.labels()[index], index, rnd.nextLong());
                }
                current.add(w);
                if (current.size() == SALTS.length || next == order.length) {
                    windows.add(current);
                    current = new ArrayList<>();
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Crop>>> done = new ArrayList<>();
            for (int w = 0; w < windows.size(); w++) {
                int n = w;
                done.add(pool.submit(() -> window(mnist, renderer, simulator, boxes, windows.get(n), seed * 7_919L + n, n,
                        varied)));
            }
            List<Crop> out = new ArrayList<>();
            int written = 0;
            for (int w = 0; w < done.size(); w++) {
                out.addAll(done.get(w).get());
                written += windows.get(w).size();
            }
            System.out.printf(Locale.ROOT, "%d windows, %d digits written, %d cut as a digit (%.3f%% not: empty or a"
                    + " mark)%n", windows.size(), written, out.size(), 100.0 * (written - out.size()) / written);
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static List<Crop> window(MnistDigits mnist, FormRenderer renderer, ScanSimulator simulator, List<MmRect> boxes,
                                     List<TrainingHandwriting.Write> writes, long seed, int n, boolean varied) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<Long, TrainingHandwriting.Write> bySalt = new HashMap<>();
        String[] labels = new String[SALTS.length];
        for (int i = 0; i < SALTS.length; i++) {
            labels[i] = i < writes.size() ? String.valueOf(writes.get(i).label()) : "";
            if (i < writes.size()) {
                bySalt.put(SALTS[i], writes.get(i));
            }
        }
        String ink;
        Color colour;
        double u = r.nextDouble();
        if (u < 0.4) {
            int g = 10 + r.nextInt(60);
            colour = new Color(g, g, Math.min(255, g + r.nextInt(15)));
            ink = "black";
        } else if (u < 0.8) {
            colour = new Color(15 + r.nextInt(55), 30 + r.nextInt(50), 110 + r.nextInt(90));
            ink = "blue";
        } else {
            colour = new Color(100 + r.nextInt(60), 120 + r.nextInt(50), 190 + r.nextInt(45));
            ink = "faint";
        }
        StringBuilder phone = new StringBuilder();
        for (int i = 0; i < 11 && !labels[i].isEmpty(); i++) {
            phone.append(labels[i]);
        }
        WrittenDate date = new WrittenDate(List.of(labels[11], labels[12]), List.of(labels[13], labels[14]),
                List.of(labels[15], labels[16]));
        FormContent content = FormContent.typical(String.format("%023d", Math.abs(seed) % 1_000_000_000L))
                .withPhone(phone.toString()).withDate(date).withPhoto(null).withSignature(null)
                .withHandwriting(new TrainingHandwriting(mnist, bySalt, colour, varied)).withSeed(seed);
        double dpi = r.nextDouble() < 0.75 ? 200 + 200 * r.nextDouble() : 400 + 200 * r.nextDouble();
        boolean grey = r.nextBoolean();
        int jpeg = r.nextDouble() < 0.55 ? 35 + r.nextInt(61) : 0;
        ScanConditions c = new ScanConditions(dpi, 0, r.nextDouble() * 3 - 1.5, r.nextDouble() * 2 - 1,
                r.nextDouble() * 2 - 1, r.nextDouble() * 0.06 - 0.03, !grey, 225 + r.nextInt(31),
                0.5 + 5.5 * r.nextDouble(), 0.3 + 1.1 * r.nextDouble(), jpeg, 0);
        SimulatedScan scan = simulator.scanWindow(renderer.painter(content), c, r.nextLong(), WINDOW);
        FieldsProperties props = FieldsProperties.defaults();
        if (DUMP != null && n < DUMP_COUNT) {
            try {
                javax.imageio.ImageIO.write(scan.image(), "png", DUMP.resolve("window-" + n + ".png").toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<Crop> out = new ArrayList<>();
        try (RegisteredPage page = scan.toRegisteredPage(0, 0)) {
            for (int i = 0; i < writes.size(); i++) {
                BoxCrop crop = DigitBoxReader.crop(page, boxes.get(i), props);
                if (crop.kind() == BoxInk.Kind.DIGIT) {
                    TrainingHandwriting.Write w = writes.get(i);
                    out.add(new Crop(crop.digit(), String.format(Locale.ROOT, "%d,%d,%.0f,%d,%d,%s", w.label(),
                            w.mnistIndex(), dpi, grey ? 0 : 1, jpeg, ink)));
                }
            }
        }
        return out;
    }
}
