package org.shinsei.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmPoint;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.OtherPages;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.sample.SimulatedScan;
import org.shinsei.scan.ScanPage;
import org.shinsei.support.PageRef;

/**
 * Issue 2 acceptance: generated scans over the SPEC §1 range (200/300/400 dpi, four orientations, skew ±5°, shift
 * ±10 mm, scale ±3 %, colour and grey, JPEG down to quality 30, with and without a declared dpi). Every fiducial
 * centre mapped by the recovered transform must be within 0.5 mm of the truth. Prints the errors and the time.
 */
class PageRegistrarAcceptanceTest {

    private static final double MAX_ERROR_MM = 0.5;

    private static FormLayout layout;
    private static ScanSimulator simulator;
    private static PageRegistrar registrar;

    @BeforeAll
    static void setUp() {
        layout = LayoutLoader.loadDefault();
        simulator = new ScanSimulator(new FormRenderer(layout));
        registrar = new PageRegistrar(RegistrationProperties.defaults(), layout);
    }

    @Test
    void fiducialsAreMappedWithinHalfAMillimetreOverTheSpecRange() {
        SplittableRandom random = new SplittableRandom(20261127);
        FormLayout.Fiducials f = layout.fiducials();
        List<MmPoint> centres = List.of(f.topLeftCentre(), f.topRightCentre(), f.bottomLeftCentre(), f.bottomRightCentre());
        List<String> failures = new ArrayList<>();
        double maxError = 0;
        double sumError = 0;
        int points = 0;
        List<Double> ms300 = new ArrayList<>();
        List<Double> msAll = new ArrayList<>();
        int n = 0;
        for (double dpi : new double[] {200, 300, 400}) {
            for (int orientation : new int[] {0, 90, 180, 270}) {
                for (int variant = 0; variant < 2; variant++) {
                    ScanConditions c = conditions(random, dpi, orientation, variant);
                    boolean declareDpi = random.nextBoolean();
                    SimulatedScan scan = simulator.scan(FormContent.typical(String.format("%023d", ++n)), c, n);
                    assertThat(scan.fiducialsInside(layout)).as(c.toString()).isTrue();
                    try (ScanPage page = scan.toScanPage(1, declareDpi)) {
                        long t0 = System.nanoTime();
                        PageAnalysis analysis = registrar.analyse(page, PageRef.envelope("accept-" + n + ".png").page(1));
                        double ms = (System.nanoTime() - t0) / 1e6;
                        msAll.add(ms);
                        if (dpi == 300) {
                            ms300.add(ms);
                        }
                        if (analysis.kind() != PageKind.FORM) {
                            failures.add(c + ": " + analysis.kind() + " " + analysis.detail());
                            continue;
                        }
                        RegisteredPage reg = analysis.page();
                        assertThat(reg.image()).isSameAs(page.image());
                        assertThat(reg.grey() == reg.image()).isEqualTo(!c.colour());
                        assertThat(reg.orientationDeg()).as(c.toString()).isEqualTo(orientation);
                        assertThat(reg.skewDeg()).as(c.toString()).isCloseTo(c.skewDeg(), org.assertj.core.data.Offset.offset(0.1));
                        assertThat(reg.dpi()).as(c.toString()).isCloseTo(c.pxPerMm() * 25.4, org.assertj.core.data.Percentage.withPercentage(0.5));
                        assertThat(reg.declaredDpi()).isEqualTo(declareDpi ? dpi : null);
                        double truePxPerMm = c.pxPerMm();
                        for (MmPoint centre : centres) {
                            double[] found = reg.transform().toPixel(centre);
                            double[] truth = scan.truth().toPixel(centre);
                            // The simulator's truth puts pixel centres at +0.5 (Java2D); ours at integers (OpenCV).
                            double e = Math.hypot(found[0] - (truth[0] - 0.5), found[1] - (truth[1] - 0.5)) / truePxPerMm;
                            maxError = Math.max(maxError, e);
                            sumError += e;
                            points++;
                            if (e > MAX_ERROR_MM) {
                                failures.add(String.format(Locale.ROOT, "%s: %s off by %.3f mm", c, centre, e));
                            }
                        }
                        reg.grey().release();
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "registration over %d generated pages: fiducial error max %.3f mm, mean %.3f mm; "
                        + "time per page mean %.1f ms (300 dpi: mean %.1f ms, max %.1f ms)%n",
                n, maxError, sumError / Math.max(1, points), mean(msAll), mean(ms300), max(ms300));
        assertThat(failures).isEmpty();
    }

    /**
     * An exact A4 capture (a sheet-fed scanner cropping to the paper): SPEC skew and shift together can push corner
     * marks off the image. With three marks left the page must still register within 0.5 mm (two finders and the
     * square, or three finders); with fewer it must not pass as a form.
     */
    @Test
    void exactA4CaptureRegistersWhileThreeMarksRemain() {
        SplittableRandom random = new SplittableRandom(42);
        int[] byMarksInside = new int[5];
        int registered = 0;
        int viaPair = 0;
        double maxError = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            // Milder than the SPEC extremes, so that most pages keep three or four marks.
            ScanConditions c = new ScanConditions(200 + 100 * (i % 3), 90 * (i % 4), random.nextDouble(-4, 4),
                    random.nextDouble(-6, 6), random.nextDouble(-6, 6), random.nextDouble(-0.03, 0.03), i % 2 == 0,
                    240, 3, 0.7, 40 + random.nextInt(50), 0);
            SimulatedScan scan = simulator.scan(FormContent.typical(String.format("%023d", 1000 + i)), c, i);
            int inside = marksInside(scan);
            byMarksInside[inside]++;
            try (ScanPage page = scan.toScanPage(1, false)) {
                PageAnalysis a = registrar.analyse(page, PageRef.envelope("a4-" + i + ".png").page(1));
                if (inside < 3) {
                    if (a.kind() == PageKind.FORM) {
                        failures.add(c + ": registered with only " + inside + " marks on the image");
                    }
                    continue;
                }
                if (a.kind() != PageKind.FORM) {
                    failures.add(c + ": " + inside + " marks inside but " + a.kind() + " " + a.detail());
                    continue;
                }
                registered++;
                viaPair += a.detail().contains("two finders and the square") ? 1 : 0;
                double e = worstErrorMm(a.page(), scan, c);
                maxError = Math.max(maxError, e);
                if (e > MAX_ERROR_MM) {
                    failures.add(String.format(Locale.ROOT, "%s: off by %.3f mm (%s)", c, e, a.detail()));
                }
                a.page().grey().release();
            }
        }
        System.out.printf(Locale.ROOT, "exact A4 capture: marks on the image 4:%d 3:%d <3:%d; registered %d (%d by two finders "
                        + "and the square), max error %.3f mm%n", byMarksInside[4], byMarksInside[3],
                byMarksInside[0] + byMarksInside[1] + byMarksInside[2], registered, viaPair, maxError);
        assertThat(failures).isEmpty();
    }

    private static int marksInside(SimulatedScan scan) {
        FormLayout.Fiducials f = layout.fiducials();
        int inside = 0;
        for (org.shinsei.form.MmRect r : List.of(f.topLeft(), f.topRight(), f.bottomLeft(), f.bottomRight())) {
            boolean all = true;
            for (double[] corner : new double[][] {{r.x(), r.y()}, {r.x() + r.width(), r.y()},
                    {r.x(), r.y() + r.height()}, {r.x() + r.width(), r.y() + r.height()}}) {
                double[] p = scan.truth().toPixel(corner[0], corner[1]);
                all &= p[0] >= 1 && p[1] >= 1 && p[0] <= scan.image().getWidth() - 1 && p[1] <= scan.image().getHeight() - 1;
            }
            inside += all ? 1 : 0;
        }
        return inside;
    }

    private static double worstErrorMm(RegisteredPage reg, SimulatedScan scan, ScanConditions c) {
        FormLayout.Fiducials f = layout.fiducials();
        double worst = 0;
        for (MmPoint centre : List.of(f.topLeftCentre(), f.topRightCentre(), f.bottomLeftCentre(), f.bottomRightCentre())) {
            double[] found = reg.transform().toPixel(centre);
            double[] truth = scan.truth().toPixel(centre);
            worst = Math.max(worst, Math.hypot(found[0] - (truth[0] - 0.5), found[1] - (truth[1] - 0.5)) / c.pxPerMm());
        }
        return worst;
    }

    @Test
    void pagesThatAreNotFormsAreBlankOrOther() {
        ScanConditions c = ScanConditions.clean(300).withColour(false).withQuality(232, 4, 1.0, 30)
                .withGeometry(90, 2, 3, -4, 0.01).withBedMargin(5);
        assertThat(kindOf(OtherPages.BLANK, c)).isEqualTo(PageKind.BLANK);
        assertThat(kindOf(OtherPages.BLANK, ScanConditions.clean(200).withQuality(245, 6, 0.8, 50))).isEqualTo(PageKind.BLANK);
        for (OtherPages other : List.of(OtherPages.LETTER, OtherPages.NOTIFICATION_CARD, OtherPages.HANDWRITTEN_FORM)) {
            assertThat(kindOf(other, c)).as(other.name()).isEqualTo(PageKind.OTHER);
            assertThat(kindOf(other, ScanConditions.clean(400))).as(other.name()).isEqualTo(PageKind.OTHER);
        }
    }

    private static PageKind kindOf(OtherPages other, ScanConditions c) {
        SimulatedScan scan = simulator.scanOther(other, c, 5);
        try (ScanPage page = scan.toScanPage(1, false)) {
            PageAnalysis a = registrar.analyse(page, PageRef.envelope(other.name()).page(1));
            System.out.printf("%s at %.0f dpi: %s (%s)%n", other, c.dpi(), a.kind(), a.detail());
            assertThat(a.page()).isNull();
            return a.kind();
        }
    }

    /**
     * One scan of the SPEC range. Variant 0 takes the extremes (±5°, ±10 mm, ±3 %), variant 1 random values inside;
     * a 30 mm bed margin keeps the fiducials on the image: on an exact A4 capture the extremes together turn and
     * push a corner mark up to ~30 mm, off the image (see {@code oneFiducialCutOffByTheImageEdge}).
     */
    private static ScanConditions conditions(SplittableRandom r, double dpi, int orientation, int variant) {
        double skew = variant == 0 ? (r.nextBoolean() ? 5 : -5) : r.nextDouble(-5, 5);
        double shiftX = variant == 0 ? (r.nextBoolean() ? 10 : -10) : r.nextDouble(-10, 10);
        double shiftY = variant == 0 ? (r.nextBoolean() ? 10 : -10) : r.nextDouble(-10, 10);
        double scale = variant == 0 ? (r.nextBoolean() ? 0.03 : -0.03) : r.nextDouble(-0.03, 0.03);
        int jpeg = r.nextInt(4) == 0 ? 0 : 30 + r.nextInt(66);
        return new ScanConditions(dpi, orientation, skew, shiftX, shiftY, scale, r.nextBoolean(), 232 + r.nextInt(24),
                r.nextDouble(1, 6), r.nextDouble(0.3, 1.2), jpeg, 30);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
