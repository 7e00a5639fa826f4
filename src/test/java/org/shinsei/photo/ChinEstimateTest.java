package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * The chin is estimated, never seen: this checks the estimate against chins marked by hand. The marks are the
 * chin's distance below the eye line in inter-pupil distances, read off the faces/plain images with a ruler
 * overlay (001 is left out: its hair leaves the top of the picture, so it has no crown to frame by).
 */
class ChinEstimateTest {

    private static final Map<String, Double> CHIN_BELOW_EYES_IPD = Map.of("002_03.jpg", 1.73, "010_03.jpg", 1.75,
            "020_03.jpg", 1.74, "033_03.jpg", 1.85, "045_03.jpg", 2.0, "066_03.jpg", 1.70, "083_03.jpg", 1.86,
            "094_03.jpg", 1.69, "097_03.jpg", 1.78);

    @Test
    void chinIsWithinAFewTenthsOfAMillimetreOfTheHandMarks() throws Exception {
        OpenCv.load();
        FormLayout layout = LayoutLoader.loadDefault();
        PhotoInspector inspector = new PhotoInspector(PhotoProperties.defaults(), layout);
        Random rnd = new Random(7);
        double sum = 0;
        double worst = 0;
        int n = 0;
        for (FaceSamples.Face f : FaceSamples.plain()) {
            Double ratio = CHIN_BELOW_EYES_IPD.get(f.name());
            if (ratio == null) {
                continue;
            }
            double ipd = Math.hypot(f.rightPupil().x - f.leftPupil().x, f.rightPupil().y - f.leftPupil().y);
            FaceSamples.Face marked = new FaceSamples.Face(f.name(), f.bgr(), f.leftPupil(), f.rightPupil(), f.crownY(),
                    f.eyeY() + ratio * ipd);
            for (int rep = 0; rep < 3; rep++) {
                Mat print = PrintFactory.framed(marked, PrintFactory.Framing.COMPLIANT);
                try (RegisteredPage page = MiniScan.scan(layout.photoBox(), print, new MiniScan.Paste(35, 45,
                        rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2), rnd.nextDouble(-3, 3)),
                        MiniScan.Conditions.random(rnd), rep)) {
                    HeadGeometry head = inspector.examine(page, new PageRef(f.name(), 1)).head();
                    // framed with the crown 4 mm below the top and 34 mm from crown to the marked chin
                    double error = Math.abs(head.chinMm() - 38);
                    sum += error;
                    worst = Math.max(worst, error);
                    n++;
                } finally {
                    print.release();
                }
            }
        }
        double mae = sum / n;
        System.out.printf("chin estimate vs hand marks: %d scans of %d faces, mean error %.2f mm, worst %.2f mm%n",
                n, CHIN_BELOW_EYES_IPD.size(), mae, worst);
        assertTrue(mae <= 0.8, "mean chin error " + mae + " mm");
        assertTrue(worst <= 2.0, "worst chin error " + worst + " mm");
    }
}
