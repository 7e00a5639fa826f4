package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * The face mesh's chin and pupils against the hand-marked ground truth of faces/plain ({@code chin.csv},
 * {@code pupils.csv}): every person printed compliant, pasted a few mm and degrees off and scanned at 200/300/400
 * dpi, grey and colour, JPEG q35–95 and lossless. The chin offset and the pupil offset in {@code photo-rules.yml}
 * were calibrated on the odd person numbers (this test prints the offsets that would zero their bias); the even
 * person numbers are held out and reported apart, and the floors apply to them.
 */
class LandmarkEvaluationTest {

    private static final double[] DPI = {200, 300, 400};
    private static final int[] QUALITY = {35, 50, 65, 80, 95, 0}; // 0 = lossless
    private static final int SCANS_PER_FACE = 6;
    /**
     * Held-out floors at what this version reaches (chin p95 0.70, max 0.96; pupils p95 0.74 mm): issue 19 asks chin
     * p95 0.5 / max 1.0 and pupils within 0.3 mm, see README.
     */
    static final double CROWN_CHIN_P95_MAX = 0.75;
    static final double CHIN_MAX_MAX = 1.0;
    static final double PUPIL_P95_MAX = 0.8;

    @Test
    void chinAndPupilsAgreeWithTheHandMarks() throws Exception {
        OpenCv.load();
        FormLayout layout = LayoutLoader.loadDefault();
        PhotoInspector inspector = new PhotoInspector(PhotoProperties.defaults(), layout);
        Random rnd = new Random(19);
        List<double[]> rows = new ArrayList<>(); // odd?, chin error, pupil error (worse eye), dpi, grey, q
        int n = 0;
        int missed = 0;
        for (FaceSamples.Face f : FaceSamples.plain()) {
            boolean odd = Integer.parseInt(f.name().substring(0, 3)) % 2 == 1;
            double k = 34 * PrintFactory.PX_PER_MM / (f.chinY() - f.crownY());
            double tx = 35 / 2.0 * PrintFactory.PX_PER_MM - k * f.centreX();
            double ty = 4 * PrintFactory.PX_PER_MM - k * f.crownY();
            double[] truthL = {(k * f.leftPupil().x + tx) / PrintFactory.PX_PER_MM,
                (k * f.leftPupil().y + ty) / PrintFactory.PX_PER_MM};
            double[] truthR = {(k * f.rightPupil().x + tx) / PrintFactory.PX_PER_MM,
                (k * f.rightPupil().y + ty) / PrintFactory.PX_PER_MM};
            Mat print = PrintFactory.framed(f, PrintFactory.Framing.COMPLIANT);
            try {
                for (int s = 0; s < SCANS_PER_FACE; s++) {
                    int c = n++;
                    MiniScan.Conditions cond = new MiniScan.Conditions(DPI[c % 3], (c / 3) % 2 == 1, QUALITY[(c + c / 6) % 6], 1 + 2 * rnd.nextDouble(), 0.3 + 0.4 * rnd.nextDouble(),
                            -5 + 10 * rnd.nextDouble(), 235 + 18 * rnd.nextDouble());
                    MiniScan.Paste paste = new MiniScan.Paste(35, 45, rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2),
                            rnd.nextDouble(-3, 3));
                    try (RegisteredPage page = MiniScan.scan(layout.photoBox(), print, paste, cond, c)) {
                        HeadGeometry head = inspector.examine(page, new PageRef(f.name(), 1)).head();
                        if (head == null) {
                            missed++;
                            continue;
                        }
                        double chin = head.chinMm() - 38;
                        double pl = Math.hypot(head.leftPupil().x() - truthL[0], head.leftPupil().y() - truthL[1]);
                        double pr = Math.hypot(head.rightPupil().x() - truthR[0], head.rightPupil().y() - truthR[1]);
                        double eyeDy = (head.leftPupil().y() - truthL[1] + head.rightPupil().y() - truthR[1]) / 2;
                        rows.add(new double[] {odd ? 1 : 0, chin, Math.max(pl, pr), cond.dpi(), cond.grey() ? 1 : 0,
                            cond.jpegQuality(), eyeDy, (pl + pr) / 2});
                    }
                }
            } finally {
                print.release();
            }
        }
        System.out.printf(Locale.ROOT, "Landmark evaluation: %d scans of %d faces/plain persons (%d without a face)%n",
                n, n / SCANS_PER_FACE, missed);
        Stats tuning = stats(rows, 1);
        Stats held = stats(rows, 0);
        System.out.println("  tuning half (odd person numbers):    " + tuning);
        System.out.println("  held-out half (even person numbers): " + held);
        System.out.printf(Locale.ROOT, "  to zero the tuning half's bias: chin-offset-mm %+.3f, pupil-above-eye-centre "
                + "offset %+.3f mm (divide by the eye distance, ~%.1f mm)%n", -tuning.chinBias, tuning.eyeDyBias, 9.5);
        double[] heldCorrected = rows.stream().filter(r -> r[0] == 0).mapToDouble(r -> Math.abs(r[1] - tuning.chinBias))
                .sorted().toArray();
        System.out.printf(Locale.ROOT, "  held out with the tuning half's chin bias removed: |err| p50 %.2f p95 %.2f max "
                + "%.2f mm%n", pct(heldCorrected, 0.5), pct(heldCorrected, 0.95), pct(heldCorrected, 1));
        for (int dpi : new int[] {200, 300, 400}) {
            double[] e = rows.stream().filter(r -> r[0] == 0 && r[3] == dpi).mapToDouble(r -> Math.abs(r[1])).sorted().toArray();
            System.out.printf(Locale.ROOT, "  held out at %d dpi: chin |err| p50 %.2f p95 %.2f max %.2f mm (%d scans)%n",
                    dpi, pct(e, 0.5), pct(e, 0.95), pct(e, 1), e.length);
        }
        List<String> failed = new ArrayList<>();
        if (held.chinP95 > CROWN_CHIN_P95_MAX) {
            failed.add("held-out chin p95 " + held.chinP95);
        }
        if (held.chinMax > CHIN_MAX_MAX) {
            failed.add("held-out chin max " + held.chinMax);
        }
        if (held.pupilP95 > PUPIL_P95_MAX) {
            failed.add("held-out pupil p95 " + held.pupilP95);
        }
        if (Math.abs(tuning.chinBias) > 0.15) {
            failed.add("chin offset not calibrated: tuning bias " + tuning.chinBias);
        }
        if (missed > 0) {
            failed.add(missed + " compliant scans without a face");
        }
        assertTrue(failed.isEmpty(), String.join("; ", failed));
    }

    private record Stats(int n, double chinBias, double chinP50, double chinP95, double chinMax, double pupilP50,
                         double pupilP95, double pupilMax, double eyeDyBias) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d scans: chin bias %+.2f, |err| p50 %.2f p95 %.2f max %.2f mm; "
                    + "pupils (worse eye) p50 %.2f p95 %.2f max %.2f mm, vertical bias %+.2f mm", n, chinBias, chinP50,
                    chinP95, chinMax, pupilP50, pupilP95, pupilMax, eyeDyBias);
        }
    }

    private static Stats stats(List<double[]> rows, int odd) {
        double[] chin = rows.stream().filter(r -> r[0] == odd).mapToDouble(r -> Math.abs(r[1])).sorted().toArray();
        double[] pupil = rows.stream().filter(r -> r[0] == odd).mapToDouble(r -> r[2]).sorted().toArray();
        double bias = rows.stream().filter(r -> r[0] == odd).mapToDouble(r -> r[1]).average().orElse(Double.NaN);
        double eyeDy = rows.stream().filter(r -> r[0] == odd).mapToDouble(r -> r[6]).average().orElse(Double.NaN);
        return new Stats(chin.length, bias, pct(chin, 0.5), pct(chin, 0.95), pct(chin, 1), pct(pupil, 0.5),
                pct(pupil, 0.95), pct(pupil, 1), eyeDy);
    }

    static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1) + 0.5))];
    }
}
