package org.shinsei.fields;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * The hand-written ink around one box of the form, with the printed frame taken out: an 8-bit image where
 * 0 is paper and 255 full ink, covering the box grown by a margin.
 *
 * <p>On a colour scan the frame is dropout green and the ink black or blue ballpoint. With paper {@code P} and
 * frame coverage {@code a}, a pixel is {@code R = P(1−a)}, {@code G = P(1−a) + Δa} where {@code Δ} is the
 * frame's green-minus-red; so {@code a = (G−R)/Δ} and the ink is the red channel's darkening minus what the
 * frame explains, {@code (P−R) − P·a}. Black ink has G≈R; blue ink has G a little above R but B well above G, which
 * the frame never has, so a bluish pixel is not frame at all (this keeps a faint blue pen's strokes whole).
 *
 * <p>On a grey scan colour is gone: the frame is a thin straight line, lighter than ballpoint ink, near where the
 * layout puts it. Long straight runs in a band around the box edges are taken out unless they are clearly darker
 * than the frame itself (ink crossing it).
 */
final class InkMap {

    /** Green-minus-red of the dropout colour (0, 150, 110): what a pixel wholly covered by the frame shows. */
    private static final double NOMINAL_FRAME_DELTA = 150;
    /**
     * A pixel counts as frame only in so far as its green also exceeds its blue (by the paper's tint): the dropout
     * green (0, 150, 110) does, by ~40 at full strength; blue ballpoint never does, and a faint blue pen shows little
     * darkening on red, so reading its small green-over-red as frame would erase most of it.
     */
    private static final double GREEN_OVER_BLUE_SLACK = 10;
    private static final double GREEN_OVER_BLUE_RAMP = 20;
    /** Grey darker than the frame line by this much is ink crossing it. */
    private static final int DARKER_THAN_FRAME = 40;

    private InkMap() {
    }

    /**
     * @param box    the layout box; the crop covers {@code box.grow(growMm)}
     * @param bandMm how far the printed frame may lie from its nominal place
     */
    static Mat extract(RegisteredPage page, MmRect box, double growMm, double pxPerMm, double bandMm) {
        Mat crop = page.cropImage(box.grow(growMm), pxPerMm);
        try {
            if (crop.channels() == 3) {
                return unmixColour(crop);
            }
            Mat ink = darkness(crop);
            removeFrameLines(ink, box, growMm, pxPerMm, bandMm);
            return ink;
        } finally {
            crop.release();
        }
    }

    private static Mat unmixColour(Mat bgr) {
        int n = (int) bgr.total();
        byte[] px = new byte[n * 3];
        bgr.get(0, 0, px);
        // histograms instead of per-pixel copies: the levels below are percentiles of these
        int[] redHist = new int[HIST];
        int[] greenHist = new int[HIST];
        int[] blueHist = new int[HIST];
        int[] deltaHist = new int[HIST];
        for (int i = 0, o = 0; i < n; i++, o += 3) {
            int blue = px[o] & 0xff;
            int green = px[o + 1] & 0xff;
            int red = px[o + 2] & 0xff;
            blueHist[blue + OFFSET]++;
            greenHist[green + OFFSET]++;
            redHist[red + OFFSET]++;
            deltaHist[green - red + OFFSET]++;
        }
        double paperRed = percentile(redHist, n, PAPER);
        double paperGreen = percentile(greenHist, n, PAPER);
        double paperTint = paperGreen - paperRed;
        double paperBlueTint = paperGreen - percentile(blueHist, n, PAPER);
        // The frame's full strength as this scan shows it, from the strongest green in the crop; never taken
        // below two fifths of nominal so that a crop without frame does not read blue ink as frame.
        double frameDelta = Math.max(0.4 * NOMINAL_FRAME_DELTA, Math.min(1.3 * NOMINAL_FRAME_DELTA, percentile(deltaHist, n, 0.995)));
        // Both factors of the frame's share depend on one channel difference each (−255..255): computed once per
        // difference with the same expressions, so every pixel gets the same value as computing it on the spot.
        double[] byDelta = new double[2 * 255 + 1];
        double[] byGreenOverBlue = new double[2 * 255 + 1];
        for (int d = -255; d <= 255; d++) {
            byDelta[d + 255] = Math.max(0, Math.min(1, (d - paperTint) / frameDelta));
            // the frame is greener than blue too; blue ink is bluer than green, however pale it is
            double greenerThanBlue = (d - paperBlueTint + GREEN_OVER_BLUE_SLACK) / GREEN_OVER_BLUE_RAMP;
            byGreenOverBlue[d + 255] = Math.max(0, Math.min(1, greenerThanBlue));
        }
        byte[] out = new byte[n];
        for (int i = 0, o = 0; i < n; i++, o += 3) {
            int blue = px[o] & 0xff;
            int green = px[o + 1] & 0xff;
            int red = px[o + 2] & 0xff;
            double frame = byDelta[green - red + 255];
            frame *= byGreenOverBlue[green - blue + 255];
            double ink = (paperRed - red) - paperRed * frame;
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(ink)));
        }
        Mat m = new Mat(bgr.rows(), bgr.cols(), CvType.CV_8UC1);
        m.put(0, 0, out);
        return m;
    }

    private static Mat darkness(Mat grey) {
        int n = (int) grey.total();
        byte[] px = new byte[n];
        grey.get(0, 0, px);
        int[] hist = new int[HIST];
        for (int i = 0; i < n; i++) {
            hist[(px[i] & 0xff) + OFFSET]++;
        }
        double paper = percentile(hist, n, PAPER);
        byte[] byLevel = new byte[256];
        for (int v = 0; v < 256; v++) {
            byLevel[v] = (byte) Math.max(0, Math.min(255, Math.round(paper - v)));
        }
        for (int i = 0; i < n; i++) {
            px[i] = byLevel[px[i] & 0xff];
        }
        Mat m = new Mat(grey.rows(), grey.cols(), CvType.CV_8UC1);
        m.put(0, 0, px);
        return m;
    }

    private static void removeFrameLines(Mat ink, MmRect box, double growMm, double pxPerMm, double bandMm) {
        Mat strokes = new Mat();
        Mat horizontal = new Mat();
        Mat vertical = new Mat();
        Mat lines = new Mat();
        try {
            Imgproc.threshold(ink, strokes, 35, 255, Imgproc.THRESH_BINARY);
            int lh = (int) Math.round(Math.min(3.0, 0.45 * box.width()) * pxPerMm);
            int lv = (int) Math.round(Math.min(3.0, 0.45 * box.height()) * pxPerMm);
            open(strokes, horizontal, new Size(lh, 1));
            open(strokes, vertical, new Size(1, lv));
            Core.bitwise_or(horizontal, vertical, lines);
            // only where a frame can be: outside the box shrunk by the band (this also covers a neighbour's frame)
            int inset = (int) Math.round((growMm + bandMm) * pxPerMm);
            int w = lines.cols() - 2 * inset;
            int h = lines.rows() - 2 * inset;
            if (w > 0 && h > 0) {
                lines.submat(inset, inset + h, inset, inset + w).setTo(org.opencv.core.Scalar.all(0));
            }
            Imgproc.dilate(lines, lines, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
            eraseFrame(ink, lines);
        } finally {
            strokes.release();
            horizontal.release();
            vertical.release();
            lines.release();
        }
    }

    private static void open(Mat src, Mat dst, Size kernelSize) {
        Mat k = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, kernelSize);
        Imgproc.morphologyEx(src, dst, Imgproc.MORPH_OPEN, k);
        k.release();
    }

    private static void eraseFrame(Mat ink, Mat lines) {
        int n = (int) ink.total();
        byte[] v = new byte[n];
        byte[] m = new byte[n];
        ink.get(0, 0, v);
        lines.get(0, 0, m);
        int count = 0;
        int[] onLine = new int[n];
        for (int i = 0; i < n; i++) {
            if (m[i] != 0 && (v[i] & 0xff) > 35) {
                onLine[count++] = v[i] & 0xff;
            }
        }
        if (count == 0) {
            return;
        }
        java.util.Arrays.sort(onLine, 0, count);
        int frameLevel = onLine[(int) (count * 0.75)];
        for (int i = 0; i < n; i++) {
            if (m[i] != 0 && (v[i] & 0xff) < frameLevel + DARKER_THAN_FRAME) {
                v[i] = 0;
            }
        }
        ink.put(0, 0, v);
    }

    /** The paper's level: most of any crop is paper, so a high percentile of the brightness is paper, not ink. */
    private static final double PAPER = 0.9;
    /** Histograms of values −256..255 (channel levels and green-minus-red differences). */
    private static final int OFFSET = 256;
    private static final int HIST = 512;

    /** The q-quantile of the {@code count} values counted in {@code hist} (value v at v + {@value #OFFSET}). */
    private static double percentile(int[] hist, int count, double q) {
        long target = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < hist.length; i++) {
            seen += hist[i];
            if (seen >= target) {
                return i - OFFSET;
            }
        }
        return 255;
    }
}
