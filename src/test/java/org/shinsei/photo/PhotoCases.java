package org.shinsei.photo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.shinsei.decision.ReasonCode;

/**
 * The labelled photo set, built from the shared real faces ({@code ../shared/data/faces}) and the public-domain
 * portraits of {@code src/main/resources/sample/portraits}: compliant prints, and for each photo code at least
 * {@link #PER_CODE} defective ones. Each case says which code must be reported and which others may also be
 * reported without being wrong (a blurred photo may also lose its crown).
 *
 * <p>Held-out faces: the constants set with the learned models (issue 19: the chin and pupil offsets, the sharpness
 * and exposure bands at a fixed scale, the head-top rules) were read off prints of faces/plain images with odd person
 * numbers ({@link #tuning}); the even numbers, the busy and no-face folders and the portraits were not used to set
 * them. Constants set earlier (the background bands) were calibrated on all of faces/plain, so the split is held out
 * from this version's tuning only. The evaluation prints its figures on both parts.
 */
final class PhotoCases {

    static final int PER_CODE = 40;
    static final int COMPLIANT = 150;

    /** One labelled print; {@code truth} is the true framing of a compliant print (null otherwise). */
    record Case(String name, String source, Supplier<Mat> print, MiniScan.Paste paste, Set<ReasonCode> expected,
                Set<ReasonCode> tolerated, PrintFactory.Framing truth) {
        boolean compliant() {
            return expected.isEmpty();
        }

        ReasonCode code() {
            return expected.isEmpty() ? null : expected.iterator().next();
        }
    }

    private static final Set<ReasonCode> NONE = EnumSet.noneOf(ReasonCode.class);

    private final Random rnd;
    private final List<FaceSamples.Face> plain;

    PhotoCases(Random rnd, List<FaceSamples.Face> plain) {
        this.rnd = rnd;
        this.plain = plain;
    }

    /** True for a faces/plain image that tuning may look at (odd person numbers; the even ones are held out). */
    static boolean tuning(String source) {
        return source.matches("\\d{3}_.*") && Integer.parseInt(source.substring(0, 3)) % 2 == 1;
    }

    List<Case> build() throws IOException {
        List<Case> out = new ArrayList<>();
        compliant(out);
        missing(out);
        size(out);
        noFace(out);
        twoFaces(out);
        framing(out);
        rolled(out);
        busy(out);
        quality(out);
        hats(out);
        return out;
    }

    private void compliant(List<Case> out) {
        for (int i = 0; i < COMPLIANT; i++) {
            FaceSamples.Face f = plain.get(i % plain.size());
            PrintFactory.Framing fr = new PrintFactory.Framing(32.8 + 2.4 * rnd.nextDouble(), 2.8 + 2.4 * rnd.nextDouble(),
                    -1.2 + 2.4 * rnd.nextDouble(), -3 + 6 * rnd.nextDouble());
            boolean bw = rnd.nextInt(6) == 0;
            out.add(new Case("compliant " + f.name() + (bw ? " b/w" : ""), f.name(),
                    () -> bw ? grey(PrintFactory.framed(f, fr)) : PrintFactory.framed(f, fr), paste(35, 45),
                    NONE, NONE, fr));
        }
    }

    private void missing(List<Case> out) {
        for (int i = 0; i < PER_CODE; i++) {
            out.add(new Case("empty frame " + i, "-", () -> null, paste(35, 45), EnumSet.of(ReasonCode.PHOTO_MISSING),
                    NONE, null));
        }
    }

    /** Wrong print sizes, at least 2 mm off in one side (the band is ±1.5 mm). */
    private void size(List<Case> out) {
        for (int i = 0; i < PER_CODE; i++) {
            FaceSamples.Face f = pick();
            double dw = (2 + 5 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
            double dh = (2 + 6 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
            int which = i % 3; // width only, height only, both
            double w = 35 + (which == 1 ? 0 : dw);
            double h = 45 + (which == 0 ? 0 : dh);
            out.add(new Case(String.format(Locale.ROOT, "size %.1fx%.1f %s", w, h, f.name()), f.name(),
                    () -> PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), paste(w, h),
                    EnumSet.of(ReasonCode.PHOTO_SIZE), EnumSet.of(ReasonCode.FACE_FRAMING), null));
        }
    }

    /** Prints of scenes without a person, cut from different parts of each scene, some mirrored. */
    private void noFace(List<Case> out) throws IOException {
        List<Mat> scenes = FaceSamples.images("no-face");
        for (int i = 0; i < PER_CODE + 2; i++) {
            Mat scene = scenes.get(i % scenes.size());
            double along = rnd.nextDouble();
            boolean flip = i >= scenes.size() && rnd.nextBoolean();
            out.add(new Case("no face " + i, "no-face", () -> PrintFactory.fill(scene, along, flip), paste(35, 45),
                    EnumSet.of(ReasonCode.FACE_NOT_FOUND),
                    EnumSet.of(ReasonCode.PHOTO_QUALITY, ReasonCode.BACKGROUND_NOT_PLAIN), null));
        }
    }

    private void twoFaces(List<Case> out) {
        for (int i = 0; i < PER_CODE; i++) {
            FaceSamples.Face a = pick();
            FaceSamples.Face b = pick();
            out.add(new Case("two faces " + a.name() + "+" + b.name(), a.name(), () -> PrintFactory.twoFaces(a, b),
                    paste(35, 45), EnumSet.of(ReasonCode.MULTIPLE_FACES),
                    // each face is smaller than a compliant one, so less detail survives the scan: a sharpness review
                    EnumSet.of(ReasonCode.FACE_FRAMING, ReasonCode.BACKGROUND_NOT_PLAIN, ReasonCode.HEADWEAR,
                            ReasonCode.PHOTO_QUALITY), null));
        }
    }

    /** Heads too big, too small, off centre, too low, too high and cut by the top edge. */
    private void framing(List<Case> out) {
        framing(out, "head too big", i -> new PrintFactory.Framing(38 + 2.5 * rnd.nextDouble(), 2.5 + rnd.nextDouble(), 0, 0), 8);
        framing(out, "head too small", i -> new PrintFactory.Framing(25 + 4 * rnd.nextDouble(), 4 + 2 * rnd.nextDouble(), 0, 0), 8);
        framing(out, "off centre", i -> new PrintFactory.Framing(34, 4, (i % 2 == 0 ? 1 : -1) * (3.5 + 2 * rnd.nextDouble()), 0), 8);
        framing(out, "too low", i -> new PrintFactory.Framing(33, 7.5 + 2 * rnd.nextDouble(), 0, 0), 8);
        framing(out, "too high", i -> new PrintFactory.Framing(34, 0.3 * rnd.nextDouble(), 0, 0), 4);
        framing(out, "cut", i -> new PrintFactory.Framing(35 + 2 * rnd.nextDouble(), -1 - 3 * rnd.nextDouble(), 0, 0), 6);
    }

    private void framing(List<Case> out, String what, IntFunction<PrintFactory.Framing> framing, int n) {
        for (int i = 0; i < n; i++) {
            FaceSamples.Face f = pick();
            PrintFactory.Framing fr = framing.apply(i);
            out.add(new Case(String.format(Locale.ROOT, "%s %s %.1f/%.1f/%.1f", what, f.name(), fr.crownChinMm(),
                    fr.topMm(), fr.offsetMm()), f.name(), () -> PrintFactory.framed(f, fr), paste(35, 45),
                    EnumSet.of(ReasonCode.FACE_FRAMING), NONE, null));
        }
    }

    private void rolled(List<Case> out) {
        for (int i = 0; i < PER_CODE; i++) {
            FaceSamples.Face f = pick();
            double roll = (i % 2 == 0 ? 1 : -1) * (12 + 8 * rnd.nextDouble());
            PrintFactory.Framing fr = new PrintFactory.Framing(34, 4, 0, roll);
            out.add(new Case(String.format(Locale.ROOT, "rolled %.0f %s", roll, f.name()), f.name(),
                    () -> PrintFactory.framed(f, fr), paste(35, 45), EnumSet.of(ReasonCode.FACE_NOT_FRONTAL),
                    EnumSet.of(ReasonCode.FACE_FRAMING), null));
        }
    }

    /** The busy folder and the astronaut as photographed, then plain faces composited on the no-face scenes. */
    private void busy(List<Case> out) throws IOException {
        Set<ReasonCode> tolerated = EnumSet.of(ReasonCode.FACE_FRAMING, ReasonCode.FACE_NOT_FRONTAL,
                ReasonCode.PHOTO_QUALITY);
        List<Mat> busy = FaceSamples.images("busy");
        busy.add(portrait("astronaut.png"));
        for (int i = 0; i < busy.size(); i++) {
            FaceSamples.Face f = FaceSamples.fromMesh("busy" + i, busy.get(i));
            out.add(new Case("busy " + i, "busy", () -> PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT),
                    paste(35, 45), EnumSet.of(ReasonCode.BACKGROUND_NOT_PLAIN), tolerated, null));
        }
        List<Mat> scenes = FaceSamples.images("no-face");
        int n = PER_CODE - busy.size() + 2;
        for (int i = 0; i < n; i++) {
            FaceSamples.Face f = pick();
            Mat scene = scenes.get(i % scenes.size());
            double along = rnd.nextDouble();
            boolean flip = rnd.nextBoolean();
            out.add(new Case("composite " + f.name() + " on scene " + i, f.name(),
                    () -> PrintFactory.composite(f, scene, along, flip), paste(35, 45),
                    EnumSet.of(ReasonCode.BACKGROUND_NOT_PLAIN), EnumSet.of(ReasonCode.FACE_FRAMING), null));
        }
    }

    private void quality(List<Case> out) {
        Set<ReasonCode> tolerated = EnumSet.of(ReasonCode.FACE_NOT_FOUND, ReasonCode.FACE_FRAMING);
        for (int i = 0; i < 16; i++) {
            FaceSamples.Face f = pick();
            double sigma = 0.3 + 0.3 * rnd.nextDouble();
            out.add(new Case(String.format(Locale.ROOT, "blurred %.2fmm %s", sigma, f.name()), f.name(),
                    () -> PrintFactory.blurred(PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), sigma),
                    paste(35, 45), EnumSet.of(ReasonCode.PHOTO_QUALITY), tolerated, null));
        }
        for (int i = 0; i < 14; i++) {
            FaceSamples.Face f = pick();
            double gain = 0.15 + 0.2 * rnd.nextDouble();
            out.add(new Case(String.format(Locale.ROOT, "dark x%.2f %s", gain, f.name()), f.name(),
                    () -> PrintFactory.exposed(PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), gain, 0),
                    paste(35, 45), EnumSet.of(ReasonCode.PHOTO_QUALITY), tolerated, null));
        }
        // a washed-out print is nearly paper-white: its edges, and so its size, may not be visible
        Set<ReasonCode> washedTolerated = EnumSet.of(ReasonCode.FACE_NOT_FOUND, ReasonCode.FACE_FRAMING,
                ReasonCode.PHOTO_SIZE);
        for (int i = 0; i < 10; i++) {
            FaceSamples.Face f = pick();
            double gain = 0.25 + 0.1 * rnd.nextDouble();
            out.add(new Case(String.format(Locale.ROOT, "washed out x%.2f %s", gain, f.name()), f.name(),
                    () -> PrintFactory.exposed(PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT), gain, 255 * (1 - gain) - 10),
                    paste(35, 45), EnumSet.of(ReasonCode.PHOTO_QUALITY), washedTolerated, null));
        }
    }

    /** Hats drawn in each style and colour (hair colours included), and the one real cap (Grace Hopper). */
    private void hats(List<Case> out) {
        Scalar[] colours = {new Scalar(40, 40, 200), new Scalar(90, 40, 20), new Scalar(25, 25, 25),
            new Scalar(150, 190, 215), new Scalar(235, 235, 235), new Scalar(60, 120, 40), new Scalar(40, 60, 100),
            new Scalar(140, 140, 140), new Scalar(30, 160, 230), new Scalar(120, 50, 110)};
        String[] names = {"red", "navy", "black", "beige", "white", "green", "brown", "grey", "yellow", "purple"};
        // a wide brim reaches into the background zone; a hat hides the crown, so the head's size is not known
        Set<ReasonCode> tolerated = EnumSet.of(ReasonCode.FACE_FRAMING, ReasonCode.BACKGROUND_NOT_PLAIN);
        for (PrintFactory.HatStyle style : PrintFactory.FIRST_STYLES) {
            for (int c = 0; c < colours.length; c++) {
                FaceSamples.Face f = pick();
                Scalar colour = colours[c];
                long seed = rnd.nextLong();
                out.add(new Case("hat " + style + " " + names[c] + " " + f.name(), f.name(),
                        () -> PrintFactory.withHat(f, PrintFactory.Framing.COMPLIANT, style, colour, new Random(seed)),
                        paste(35, 45), EnumSet.of(ReasonCode.HEADWEAR), tolerated, null));
            }
        }
        FaceSamples.Face hopper = FaceSamples.fromMesh("grace_hopper", portrait("grace_hopper_512x512.jpg"));
        out.add(new Case("hat real naval cap grace_hopper", "portrait", () -> PrintFactory.framed(hopper,
                new PrintFactory.Framing(30, 6, 0, 0)), paste(35, 45), EnumSet.of(ReasonCode.HEADWEAR), tolerated, null));
        moreHats(out, colours, names, tolerated);
    }

    /**
     * The later hat styles (bucket hat, hood, turban, tied scarf, peaked cap), each in every colour, in plain and
     * patterned fabric. Drawn from their own random stream, after all other cases, so that the cases above stay
     * exactly as they were.
     */
    private void moreHats(List<Case> out, Scalar[] colours, String[] names, Set<ReasonCode> tolerated) {
        Random own = new Random(20261129);
        PrintFactory.Pattern[] patterns = PrintFactory.Pattern.values();
        for (PrintFactory.HatStyle style : PrintFactory.HatStyle.values()) {
            if (PrintFactory.FIRST_STYLES.contains(style)) {
                continue;
            }
            for (int c = 0; c < colours.length; c++) {
                FaceSamples.Face f = plain.get(own.nextInt(plain.size()));
                Scalar colour = colours[c];
                PrintFactory.Pattern pattern = patterns[own.nextInt(patterns.length)];
                long seed = own.nextLong();
                MiniScan.Paste paste = new MiniScan.Paste(35, 45, -3 + 6 * own.nextDouble(), -3 + 6 * own.nextDouble(),
                        -4 + 8 * own.nextDouble());
                out.add(new Case("hat " + style + " " + pattern.name().toLowerCase(Locale.ROOT) + " " + names[c] + " "
                        + f.name(), f.name(), () -> PrintFactory.withHat(f, PrintFactory.Framing.COMPLIANT, style, colour,
                        pattern, new Random(seed)), paste, EnumSet.of(ReasonCode.HEADWEAR), tolerated, null));
            }
        }
    }

    static Mat portrait(String name) {
        Mat m = Imgcodecs.imread(Path.of("src", "main", "resources", "sample", "portraits", name).toString());
        if (m.empty()) {
            throw new IllegalStateException("portrait " + name + " not found (run from the project folder)");
        }
        return m;
    }

    private MiniScan.Paste paste(double w, double h) {
        return new MiniScan.Paste(w, h, -3 + 6 * rnd.nextDouble(), -3 + 6 * rnd.nextDouble(), -4 + 8 * rnd.nextDouble());
    }

    private FaceSamples.Face pick() {
        return plain.get(rnd.nextInt(plain.size()));
    }

    private static Mat grey(Mat print) {
        Mat g = PrintFactory.grey(print);
        print.release();
        return g;
    }
}
