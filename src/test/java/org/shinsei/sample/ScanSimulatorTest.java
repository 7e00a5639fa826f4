package org.shinsei.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmPoint;

/** The simulator's {@code truth} must put every fiducial where the scan actually shows it. */
class ScanSimulatorTest {

    private static FormLayout layout;
    private static ScanSimulator simulator;

    @BeforeAll
    static void setUp() {
        layout = LayoutLoader.loadDefault();
        simulator = new ScanSimulator(new FormRenderer(layout));
    }

    @Test
    void truthLocatesTheFiducialsUnderEveryOrientation() {
        FormContent form = FormContent.typical("12345678901234567890123");
        List<ScanConditions> cases = List.of(
                ScanConditions.clean(300),
                ScanConditions.clean(200).withColour(false).withGeometry(180, -3, 4, -8, 0.01).withBedMargin(10),
                ScanConditions.clean(400).withGeometry(90, 4.5, -3, 2, -0.03).withQuality(238, 4, 1.0, 0).withBedMargin(8),
                ScanConditions.clean(250).withColour(false).withGeometry(270, 2, 0, 2, 0.03).withQuality(245, 3, 1.2, 40).withBedMargin(5),
                ScanConditions.clean(300).withGeometry(0, -5, -10, 10, -0.03).withBedMargin(15));
        long seed = 1;
        double worst = 0;
        for (ScanConditions c : cases) {
            SimulatedScan scan = simulator.scan(form, c, seed++);
            assertTrue(scan.fiducialsInside(layout), c + ": a fiducial fell off the bed");
            FormLayout.Fiducials f = layout.fiducials();
            for (MmPoint centre : List.of(f.topLeftCentre(), f.topRightCentre(), f.bottomLeftCentre(), f.bottomRightCentre())) {
                double[] expected = scan.truth().toPixel(centre);
                double[] found = darkCentroid(scan.image(), expected, 5.5 * c.pxPerMm());
                double errorMm = Math.hypot(found[0] - expected[0], found[1] - expected[1]) / c.pxPerMm();
                assertTrue(errorMm < 0.2, c + " fiducial " + centre + " off by " + errorMm + " mm");
                worst = Math.max(worst, errorMm);
            }
        }
        System.out.printf("fiducial centroid vs truth: worst %.3f mm over %d scans%n", worst, cases.size());
    }

    @Test
    void imageSizeIsTheBedAndTruthScaleIsTheDpi() {
        ScanConditions c = ScanConditions.clean(200).withGeometry(90, 0, 0, 0, 0.02);
        SimulatedScan scan = simulator.scan(FormContent.typical("00000000000000000000001"), c, 3);
        assertEquals(Math.round(297 * 200 / 25.4), scan.image().getWidth());
        assertEquals(Math.round(210 * 200 / 25.4), scan.image().getHeight());
        assertEquals(200 / 25.4 * 1.02, scan.truth().scaleX(), 1e-9);
        assertEquals(90, scan.truth().rotationDeg(), 1e-9);
    }

    @Test
    void sameSeedSameScan() {
        ScanConditions c = ScanConditions.clean(200).withColour(false).withQuality(240, 5, 0.8, 0);
        FormContent form = FormContent.typical("00000000000000000000002").withCheckboxes(Mark.CROSS, Mark.AMBIGUOUS, Mark.FILL);
        BufferedImage a = simulator.scan(form, c, 9).image();
        BufferedImage b = simulator.scan(form, c, 9).image();
        assertTrue(java.util.Arrays.equals(pixels(a), pixels(b)));
    }

    /** Ink-weighted centroid of the dark pixels in a square window; pixel (i, j) has its centre at (i+0.5, j+0.5). */
    static double[] darkCentroid(BufferedImage img, double[] around, double halfWindow) {
        int x0 = (int) Math.max(0, around[0] - halfWindow);
        int x1 = (int) Math.min(img.getWidth() - 1, around[0] + halfWindow);
        int y0 = (int) Math.max(0, around[1] - halfWindow);
        int y1 = (int) Math.min(img.getHeight() - 1, around[1] + halfWindow);
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int rgb = img.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 128) {
                    double w = 255 - grey;
                    sw += w;
                    sx += w * (x + 0.5);
                    sy += w * (y + 0.5);
                }
            }
        }
        return new double[] {sx / sw, sy / sw};
    }

    private static byte[] pixels(BufferedImage img) {
        return ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }
}
