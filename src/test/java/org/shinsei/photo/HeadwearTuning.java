package org.shinsei.photo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * Not a test: the tuning set of the headwear check ({@code shinsei.photo.headwear}), written as one CSV line of
 * {@link HeadwearCheck.Stats} per print. Only faces/plain with odd person numbers are used ({@link PhotoCases#tuning}):
 * compliant prints (some with the hair made grey or white, some bald) and every hat style and pattern in many
 * colours, scanned as the evaluation scans. Run by hand:
 * {@code mvn -o -q -B test -Dtest=HeadwearTuning -Dheadwear.tuning=/tmp/headwear.csv -Dheadwear.rounds=6}; the
 * thresholds of an earlier version were read off that file. (A logistic model fitted on it was tried and dropped: it sent the
 * real astronaut portrait of the sample batch to review.)
 */
@EnabledIfSystemProperty(named = "headwear.tuning", matches = ".+")
class HeadwearTuning {

    private static final Scalar[] COLOURS = {new Scalar(40, 40, 200), new Scalar(90, 40, 20), new Scalar(25, 25, 25),
        new Scalar(150, 190, 215), new Scalar(235, 235, 235), new Scalar(60, 120, 40), new Scalar(40, 60, 100),
        new Scalar(140, 140, 140), new Scalar(30, 160, 230), new Scalar(120, 50, 110), new Scalar(60, 60, 60),
        new Scalar(110, 110, 110), new Scalar(175, 175, 175), new Scalar(120, 150, 190), new Scalar(30, 45, 70),
        new Scalar(200, 200, 200), new Scalar(95, 120, 160), new Scalar(150, 120, 90)};

    @Test
    void writeTuningSet() throws Exception {
        OpenCv.load();
        Random rnd = new Random(77);
        FormLayout layout = LayoutLoader.loadDefault();
        PhotoInspector inspector = new PhotoInspector(PhotoProperties.defaults(), layout);
        List<FaceSamples.Face> faces = FaceSamples.plain().stream().filter(f -> PhotoCases.tuning(f.name()))
                .collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        lines.add("label,kind,face,grey,measured,colour,texture,headTop,lighter,dark,textureRatio,saturation,"
                + "hatReason,allReasons");
        int n = 0;
        int rounds = Integer.getInteger("headwear.rounds", 4);
        for (int round = 0; round < rounds; round++) {
            for (FaceSamples.Face f : faces) {
                PrintFactory.Framing fr = new PrintFactory.Framing(32.8 + 2.4 * rnd.nextDouble(),
                        2.8 + 2.4 * rnd.nextDouble(), -1.2 + 2.4 * rnd.nextDouble(), -3 + 6 * rnd.nextDouble());
                int kind = rnd.nextInt(6);
                String what = kind == 0 ? "grey-hair" : kind == 1 ? "white-hair" : kind == 2 ? "bald" : "plain";
                double lift = kind == 0 ? 60 + 40 * rnd.nextDouble() : 110 + 50 * rnd.nextDouble();
                Mat c = kind <= 2 ? PrintFactory.restyledHair(f, fr, lift, kind == 2) : PrintFactory.framed(f, fr);
                lines.add(row(0, what, f, c, inspector, layout, rnd, n++));
            }
            for (PrintFactory.HatStyle style : PrintFactory.HatStyle.values()) {
                for (int i = 0; i < 3; i++) {
                    FaceSamples.Face f = faces.get(rnd.nextInt(faces.size()));
                    Scalar colour = COLOURS[rnd.nextInt(COLOURS.length)];
                    PrintFactory.Pattern p = PrintFactory.Pattern.values()[rnd.nextInt(PrintFactory.Pattern.values().length)];
                    Mat h = PrintFactory.withHat(f, PrintFactory.Framing.COMPLIANT, style, colour, p, new Random(rnd.nextLong()));
                    lines.add(row(1, style + "/" + p + "/" + (int) colour.val[0] + "-" + (int) colour.val[1] + "-"
                            + (int) colour.val[2], f, h, inspector, layout, rnd, n++));
                }
            }
        }
        Files.write(Path.of(System.getProperty("headwear.tuning")), lines);
    }

    private static String row(int label, String kind, FaceSamples.Face f, Mat print, PhotoInspector inspector,
                              FormLayout layout, Random rnd, int i) {
        MiniScan.Conditions cond = MiniScan.Conditions.random(rnd);
        PhotoInspection r;
        try (RegisteredPage page = MiniScan.scan(layout.photoBox(), print, MiniScan.Paste.exact(), cond, i)) {
            r = inspector.examine(page, new PageRef("tuning " + i, 1));
        } finally {
            print.release();
        }
        HeadwearCheck.Stats s = r.headwear();
        String reason = r.measurement().reasons().stream().filter(x -> x.code() == ReasonCode.HEADWEAR)
                .map(x -> x.severity().name()).findFirst().orElse("-");
        String all = r.measurement().reasons().stream().map(x -> x.code() + "/" + x.severity()).sorted()
                .collect(Collectors.joining(" "));
        reason = reason + "," + (all.isEmpty() ? "ACCEPTED" : all);
        if (s == null) {
            return String.format(Locale.ROOT, "%d,%s,%s,%b,false,,,,,,,,%s", label, kind, f.name(), cond.grey(), reason);
        }
        return String.format(Locale.ROOT, "%d,%s,%s,%b,%b,%.4f,%.3f,%.4f,%.1f,%.4f,%.4f,%.1f,%s", label, kind,
                f.name(), cond.grey(), s.measured(), s.colour(), s.texture(), s.headTop(), s.lighter(),
                s.dark(), s.textureRatio(), s.saturation(), reason);
    }
}
