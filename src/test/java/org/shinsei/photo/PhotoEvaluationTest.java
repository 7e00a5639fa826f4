package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.objdetect.CascadeClassifier;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * Accuracy of the photo stage on a labelled set built at test time from the shared real faces: compliant
 * prints framed per the rules and defective prints for each code, pasted on the form with a few mm and
 * degrees of error and scanned (200–400 dpi, colour or grey, JPEG 30–90). Prints precision and recall per
 * code, the false-reject rate on compliant prints, the measurement errors and the time per photo, and fails
 * under the floors stated in {@link #floors}.
 */
class PhotoEvaluationTest {

    private static final Set<ReasonCode> PHOTO_CODES = EnumSet.of(ReasonCode.PHOTO_MISSING, ReasonCode.PHOTO_SIZE,
            ReasonCode.FACE_NOT_FOUND, ReasonCode.MULTIPLE_FACES, ReasonCode.FACE_FRAMING, ReasonCode.FACE_NOT_FRONTAL,
            ReasonCode.BACKGROUND_NOT_PLAIN, ReasonCode.HEADWEAR, ReasonCode.PHOTO_QUALITY);

    /**
     * One labelled print: what must be reported, what may also be reported without counting as a false
     * positive (a blurred photo may also lose its crown), and for compliant prints the true framing.
     */
    record Case(String name, Supplier<Mat> print, MiniScan.Paste paste, Set<ReasonCode> expected,
                Set<ReasonCode> tolerated, PrintFactory.Framing truth) {
        boolean compliant() {
            return expected.isEmpty();
        }
    }

    private final Random rnd = new Random(20261127);

    @Test
    void photoStageMeetsItsFloors() throws Exception {
        OpenCv.load();
        FormLayout layout = LayoutLoader.loadDefault();
        PhotoInspector inspector = new PhotoInspector(PhotoProperties.defaults(), layout);
        List<FaceSamples.Face> plain = FaceSamples.plain();
        List<Case> cases = cases(plain);
        Map<ReasonCode, int[]> counts = new EnumMap<>(ReasonCode.class); // tp, fp, fn, tp at REVIEW only
        PHOTO_CODES.forEach(c -> counts.put(c, new int[4]));
        int compliant = 0;
        int compliantRejected = 0;
        int compliantReviewed = 0;
        double[] errSum = new double[6];
        int measured = 0;
        long nanos = 0;
        List<String> misses = new ArrayList<>();
        List<String> statsLines = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Mat print = c.print().get();
            MiniScan.Conditions cond = MiniScan.Conditions.random(rnd);
            PhotoInspection r;
            try (RegisteredPage page = MiniScan.scan(layout.photoBox(), print, c.paste(), cond, i)) {
                long t0 = System.nanoTime();
                r = inspector.examine(page, new PageRef(c.name(), 1));
                nanos += System.nanoTime() - t0;
            } finally {
                if (print != null) {
                    print.release();
                }
            }
            PhotoMeasurement pm = r.measurement();
            statsLines.add(String.join(";", c.name().split(" ")[0], c.name(), String.valueOf(r.background()),
                    String.valueOf(r.headwear()), String.valueOf(r.quality()), summary(pm)));
            Set<ReasonCode> got = EnumSet.noneOf(ReasonCode.class);
            pm.reasons().forEach(x -> got.add(x.code()));
            for (ReasonCode code : PHOTO_CODES) {
                boolean exp = c.expected().contains(code);
                if (exp && got.contains(code)) {
                    counts.get(code)[0]++;
                    if (pm.reasons().stream().anyMatch(x -> x.code() == code && x.severity() == Severity.REVIEW)) {
                        counts.get(code)[3]++;
                    }
                } else if (!exp && got.contains(code) && !c.tolerated().contains(code)) {
                    counts.get(code)[1]++;
                } else if (exp && !got.contains(code)) {
                    counts.get(code)[2]++;
                }
            }
            boolean wrong = !got.containsAll(c.expected()) || got.stream().anyMatch(
                    x -> !c.expected().contains(x) && !c.tolerated().contains(x));
            if (wrong) {
                misses.add(c.name() + " " + cond.dpi() + "dpi" + (cond.grey() ? " grey" : "") + " q" + cond.jpegQuality()
                        + " -> " + summary(pm) + " " + extra(r));
            }
            if (c.compliant()) {
                compliant++;
                if (pm.reasons().stream().anyMatch(x -> x.severity() == Severity.REJECT)) {
                    compliantRejected++;
                } else if (!pm.reasons().isEmpty()) {
                    compliantReviewed++;
                }
                if (pm.faceHeightMm() != null) {
                    measured++;
                    PrintFactory.Framing t = c.truth();
                    errSum[0] += Math.abs(pm.widthMm() - c.paste().widthMm());
                    errSum[1] += Math.abs(pm.heightMm() - c.paste().heightMm());
                    errSum[2] += Math.abs(pm.faceHeightMm() - t.crownChinMm());
                    errSum[3] += Math.abs(pm.topMarginMm() - t.topMm());
                    errSum[4] += Math.abs(pm.centreOffsetMm() - t.offsetMm());
                    errSum[5] += pm.rollDeg() == null ? 0 : Math.abs(pm.rollDeg() - t.rollDeg());
                }
            }
        }
        misses.forEach(x -> System.out.println("  miss: " + x));
        String csv = System.getenv("PHOTO_EVAL_CSV"); // for tuning: one line of statistics per print
        if (csv != null) {
            java.nio.file.Files.write(Path.of(csv), statsLines);
        }
        System.out.printf(Locale.ROOT, "Photo evaluation: %d prints, %.1f ms per photo (inspection only)%n",
                cases.size(), nanos / 1e6 / cases.size());
        System.out.printf(Locale.ROOT, "%-22s %4s %4s %4s %9s %7s  %s%n", "code", "tp", "fp", "fn", "precision", "recall",
                "tp only at REVIEW (near a limit)");
        Map<ReasonCode, double[]> pr = new EnumMap<>(ReasonCode.class);
        for (ReasonCode code : PHOTO_CODES) {
            int[] k = counts.get(code);
            double p = k[0] + k[1] == 0 ? Double.NaN : k[0] / (double) (k[0] + k[1]);
            double rc = k[0] + k[2] == 0 ? Double.NaN : k[0] / (double) (k[0] + k[2]);
            pr.put(code, new double[] {p, rc});
            System.out.printf(Locale.ROOT, "%-22s %4d %4d %4d %9.2f %7.2f  %d%n", code, k[0], k[1], k[2], p, rc, k[3]);
        }
        double falseReject = compliantRejected / (double) compliant;
        System.out.printf(Locale.ROOT, "compliant prints: %d, rejected %d (%.1f %%), sent to review %d (%.1f %%)%n",
                compliant, compliantRejected, 100 * falseReject, compliantReviewed, 100.0 * compliantReviewed / compliant);
        String[] names = {"width", "height", "crown-chin", "top margin", "centre offset", "roll deg"};
        StringBuilder sb = new StringBuilder("mean abs error on compliant prints (mm):");
        for (int k = 0; k < names.length; k++) {
            sb.append(String.format(Locale.ROOT, " %s %.2f", names[k], errSum[k] / Math.max(1, measured)));
        }
        System.out.println(sb);
        double[] mae = new double[errSum.length];
        for (int k = 0; k < mae.length; k++) {
            mae[k] = errSum[k] / Math.max(1, measured);
        }
        floors(pr, falseReject, compliantReviewed / (double) compliant, mae, nanos / 1e6 / cases.size());
    }

    /**
     * The floors, set below what this version measured (see the report) so that a regression fails the build.
     * Precision and recall per code as {min precision, min recall}; these prints are generated at test time, so
     * the figures are optimistic for real post (hats especially: they are drawn).
     */
    private static void floors(Map<ReasonCode, double[]> pr, double falseReject, double reviewRate, double[] mae,
                               double msPerPhoto) {
        Map<ReasonCode, double[]> floor = new EnumMap<>(ReasonCode.class);
        floor.put(ReasonCode.PHOTO_MISSING, new double[] {0.95, 0.95});
        floor.put(ReasonCode.PHOTO_SIZE, new double[] {0.5, 0.85});
        floor.put(ReasonCode.FACE_NOT_FOUND, new double[] {0.7, 0.8});
        floor.put(ReasonCode.MULTIPLE_FACES, new double[] {0.9, 0.8});
        floor.put(ReasonCode.FACE_FRAMING, new double[] {0.85, 0.9});
        floor.put(ReasonCode.FACE_NOT_FRONTAL, new double[] {0.8, 0.8});
        floor.put(ReasonCode.BACKGROUND_NOT_PLAIN, new double[] {0.8, 0.65});
        floor.put(ReasonCode.HEADWEAR, new double[] {0.9, 0.7});
        floor.put(ReasonCode.PHOTO_QUALITY, new double[] {0.85, 0.85});
        floor.forEach((code, f) -> {
            double[] got = pr.get(code);
            assertTrue(got[0] >= f[0], code + " precision " + got[0] + " < " + f[0]);
            assertTrue(got[1] >= f[1], code + " recall " + got[1] + " < " + f[1]);
        });
        assertTrue(falseReject <= 0.05, "compliant prints rejected: " + falseReject);
        assertTrue(reviewRate <= 0.10, "compliant prints sent to review: " + reviewRate);
        assertTrue(mae[0] <= 0.5 && mae[1] <= 0.5, "print size error " + mae[0] + " / " + mae[1]);
        assertTrue(mae[2] <= 1.0 && mae[3] <= 0.6 && mae[4] <= 0.6, "framing error " + Arrays.toString(mae));
        assertTrue(msPerPhoto < 400, "ms per photo: " + msPerPhoto);
    }

    private List<Case> cases(List<FaceSamples.Face> plain) throws Exception {
        List<Case> out = new ArrayList<>();
        Set<ReasonCode> none = EnumSet.noneOf(ReasonCode.class);
        for (FaceSamples.Face f : plain) {
            PrintFactory.Framing fr = new PrintFactory.Framing(33 + 2 * rnd.nextDouble(), 3 + 2 * rnd.nextDouble(),
                    -1 + 2 * rnd.nextDouble(), -3 + 6 * rnd.nextDouble());
            boolean bw = rnd.nextInt(6) == 0;
            out.add(new Case("compliant " + f.name() + (bw ? " b/w" : ""),
                    () -> bw ? grey(PrintFactory.framed(f, fr)) : PrintFactory.framed(f, fr), paste(35, 45),
                    none, none, fr));
        }
        for (int i = 0; i < 10; i++) {
            out.add(new Case("missing " + i, () -> null, paste(35, 45), EnumSet.of(ReasonCode.PHOTO_MISSING), none, null));
        }
        double[][] sizes = {{30, 40}, {32, 41}, {38, 49}, {40, 52}, {35, 40}, {30, 45}, {37.5, 45}, {35, 48.5}};
        for (double[] s : sizes) {
            FaceSamples.Face f = pick(plain);
            out.add(new Case(String.format(Locale.ROOT, "size %.1fx%.1f %s", s[0], s[1], f.name()),
                    () -> PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), paste(s[0], s[1]),
                    EnumSet.of(ReasonCode.PHOTO_SIZE), EnumSet.of(ReasonCode.FACE_FRAMING), null));
        }
        framing(out, plain, "head too big", i -> new PrintFactory.Framing(38.5 + 1.5 * rnd.nextDouble(), 3, 0, 0), 8);
        framing(out, plain, "head too small", i -> new PrintFactory.Framing(27 + 2.5 * rnd.nextDouble(), 4, 0, 0), 8);
        framing(out, plain, "off centre", i -> new PrintFactory.Framing(34, 4, (i % 2 == 0 ? 1 : -1) * (3.5 + 1.5 * rnd.nextDouble()), 0), 8);
        framing(out, plain, "too low", i -> new PrintFactory.Framing(34, 8 + rnd.nextDouble(), 0, 0), 6);
        framing(out, plain, "too high", i -> new PrintFactory.Framing(34, 0.3 * rnd.nextDouble(), 0, 0), 6);
        for (int i = 0; i < 10; i++) {
            FaceSamples.Face f = pick(plain);
            double roll = (i % 2 == 0 ? 1 : -1) * (14 + 4 * rnd.nextDouble());
            PrintFactory.Framing fr = new PrintFactory.Framing(34, 4, 0, roll);
            out.add(new Case(String.format(Locale.ROOT, "rolled %.0f %s", roll, f.name()), () -> PrintFactory.framed(f, fr),
                    paste(35, 45), EnumSet.of(ReasonCode.FACE_NOT_FRONTAL), EnumSet.of(ReasonCode.FACE_FRAMING), null));
        }
        busy(out, plain);
        for (Mat scene : FaceSamples.images("no-face")) {
            out.add(new Case("no face " + out.size(), () -> PrintFactory.fill(scene), paste(35, 45),
                    EnumSet.of(ReasonCode.FACE_NOT_FOUND), EnumSet.of(ReasonCode.PHOTO_QUALITY), null));
        }
        for (int i = 0; i < 10; i++) {
            FaceSamples.Face a = pick(plain);
            FaceSamples.Face b = pick(plain);
            out.add(new Case("two faces " + a.name() + "+" + b.name(), () -> PrintFactory.twoFaces(a, b), paste(35, 45),
                    EnumSet.of(ReasonCode.MULTIPLE_FACES),
                    // each face is smaller than a compliant one, so less detail survives the scan: a sharpness review
                    EnumSet.of(ReasonCode.FACE_FRAMING, ReasonCode.BACKGROUND_NOT_PLAIN, ReasonCode.HEADWEAR,
                            ReasonCode.PHOTO_QUALITY), null));
        }
        quality(out, plain);
        hats(out, plain);
        return out;
    }

    private void framing(List<Case> out, List<FaceSamples.Face> plain, String what,
                         java.util.function.IntFunction<PrintFactory.Framing> framing, int n) {
        for (int i = 0; i < n; i++) {
            FaceSamples.Face f = pick(plain);
            PrintFactory.Framing fr = framing.apply(i);
            out.add(new Case(String.format(Locale.ROOT, "%s %s %.1f/%.1f/%.1f", what, f.name(), fr.crownChinMm(),
                    fr.topMm(), fr.offsetMm()), () -> PrintFactory.framed(f, fr), paste(35, 45),
                    EnumSet.of(ReasonCode.FACE_FRAMING), EnumSet.noneOf(ReasonCode.class), null));
        }
    }

    private void busy(List<Case> out, List<FaceSamples.Face> plain) throws Exception {
        CascadeClassifier cascade = new CascadeClassifier(
                Path.of(PhotoProperties.defaults().face().cascadeDir(), "haarcascade_frontalface_alt2.xml").toString());
        Set<ReasonCode> tolerated = EnumSet.of(ReasonCode.FACE_FRAMING, ReasonCode.FACE_NOT_FRONTAL, ReasonCode.PHOTO_QUALITY);
        List<Mat> busy = FaceSamples.images("busy");
        busy.add(Imgcodecs.imread("/work/portraits-src/astronaut.png"));
        for (int i = 0; i < busy.size(); i++) {
            FaceSamples.Face f = FaceSamples.fromFaceBox("busy" + i, busy.get(i), cascade);
            out.add(new Case("busy " + i, () -> PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), paste(35, 45),
                    EnumSet.of(ReasonCode.BACKGROUND_NOT_PLAIN), tolerated, null));
        }
        List<Mat> scenes = FaceSamples.images("no-face");
        for (int i = 0; i < 12; i++) {
            FaceSamples.Face f = pick(plain);
            Mat scene = scenes.get(i % scenes.size());
            out.add(new Case("composite " + f.name() + " on scene " + i, () -> PrintFactory.composite(f, scene),
                    paste(35, 45), EnumSet.of(ReasonCode.BACKGROUND_NOT_PLAIN), EnumSet.of(ReasonCode.FACE_FRAMING), null));
        }
        cascade.empty();
    }

    private void quality(List<Case> out, List<FaceSamples.Face> plain) {
        Set<ReasonCode> tolerated = EnumSet.of(ReasonCode.FACE_NOT_FOUND, ReasonCode.FACE_FRAMING);
        for (int i = 0; i < 8; i++) {
            FaceSamples.Face f = pick(plain);
            double sigma = 0.3 + 0.2 * rnd.nextDouble();
            out.add(new Case(String.format(Locale.ROOT, "blurred %.2fmm %s", sigma, f.name()),
                    () -> PrintFactory.blurred(PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), sigma), paste(35, 45),
                    EnumSet.of(ReasonCode.PHOTO_QUALITY), tolerated, null));
        }
        for (int i = 0; i < 6; i++) {
            FaceSamples.Face f = pick(plain);
            double gain = 0.2 + 0.15 * rnd.nextDouble();
            out.add(new Case(String.format(Locale.ROOT, "dark x%.2f %s", gain, f.name()),
                    () -> PrintFactory.exposed(PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), gain, 0),
                    paste(35, 45), EnumSet.of(ReasonCode.PHOTO_QUALITY), tolerated, null));
        }
        for (int i = 0; i < 4; i++) {
            FaceSamples.Face f = pick(plain);
            // a washed-out print is nearly paper-white: its edges, and so its size, may not be visible
            Set<ReasonCode> washedTolerated = EnumSet.of(ReasonCode.FACE_NOT_FOUND, ReasonCode.FACE_FRAMING,
                    ReasonCode.PHOTO_SIZE);
            out.add(new Case("washed out " + f.name(),
                    () -> PrintFactory.exposed(PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), 0.3, 175),
                    paste(35, 45), EnumSet.of(ReasonCode.PHOTO_QUALITY), washedTolerated, null));
        }
    }

    private void hats(List<Case> out, List<FaceSamples.Face> plain) {
        Scalar[] colours = {new Scalar(40, 40, 200), new Scalar(90, 40, 20), new Scalar(25, 25, 25),
            new Scalar(150, 190, 215), new Scalar(235, 235, 235), new Scalar(60, 120, 40)};
        String[] names = {"red", "navy", "black", "beige", "white", "green"};
        // a wide brim reaches into the background zone
        Set<ReasonCode> tolerated = EnumSet.of(ReasonCode.FACE_FRAMING, ReasonCode.BACKGROUND_NOT_PLAIN);
        int k = 0;
        for (PrintFactory.HatStyle style : PrintFactory.HatStyle.values()) {
            for (int c = 0; c < colours.length; c++) {
                FaceSamples.Face f = pick(plain);
                Scalar colour = colours[c];
                long seed = rnd.nextLong();
                out.add(new Case("hat " + style + " " + names[c] + " " + f.name(),
                        () -> PrintFactory.withHat(f, PrintFactory.Framing.COMPLIANT, style, colour, new Random(seed)),
                        paste(35, 45), EnumSet.of(ReasonCode.HEADWEAR), tolerated, null));
                k++;
            }
        }
        CascadeClassifier cascade = new CascadeClassifier(
                Path.of(PhotoProperties.defaults().face().cascadeDir(), "haarcascade_frontalface_alt2.xml").toString());
        FaceSamples.Face hopper = FaceSamples.fromFaceBox("grace_hopper",
                Imgcodecs.imread("/work/portraits-src/grace_hopper_512x512.jpg"), cascade);
        out.add(new Case("hat real naval cap grace_hopper", () -> PrintFactory.framed(hopper,
                new PrintFactory.Framing(30, 6, 0, 0)), paste(35, 45), EnumSet.of(ReasonCode.HEADWEAR),
                EnumSet.of(ReasonCode.FACE_FRAMING, ReasonCode.BACKGROUND_NOT_PLAIN), null));
    }

    private MiniScan.Paste paste(double w, double h) {
        return new MiniScan.Paste(w, h, -3 + 6 * rnd.nextDouble(), -3 + 6 * rnd.nextDouble(), -4 + 8 * rnd.nextDouble());
    }

    private FaceSamples.Face pick(List<FaceSamples.Face> plain) {
        return plain.get(rnd.nextInt(plain.size()));
    }

    private static Mat grey(Mat print) {
        Mat g = PrintFactory.grey(print);
        print.release();
        return g;
    }

    private static String summary(PhotoMeasurement pm) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%s x %s, head %s top %s off %s roll %s faces %d]",
                f(pm.widthMm()), f(pm.heightMm()), f(pm.faceHeightMm()), f(pm.topMarginMm()), f(pm.centreOffsetMm()),
                f(pm.rollDeg()), pm.faces()));
        for (Reason r : pm.reasons()) {
            sb.append(' ').append(r.code()).append(r.severity() == Severity.REVIEW ? "(review)" : "")
                    .append(" {").append(r.detail()).append('}');
        }
        return sb.toString();
    }

    private static String extra(PhotoInspection r) {
        return String.format(Locale.ROOT, "bg %s hat %s q %s", r.background(), r.headwear(), r.quality());
    }

    private static String f(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f", d);
    }
}
