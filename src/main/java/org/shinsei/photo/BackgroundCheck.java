package org.shinsei.photo;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.decision.ReasonCode;

/**
 * Is the background plain? Looks only at the part of the print that is background on a compliant photo:
 * above the eye line and outside a generous ellipse around the head, which leaves the top corners, the band
 * above the head and the sides of the forehead (lower down, long hair and shoulders fill the sides). There it
 * measures edge density, the median local texture and how much the median brightness changes from block to
 * block (a shadow or a gradient); medians, because a voluminous hairdo still reaches into part of the zone.
 */
public final class BackgroundCheck {

    /** Head ellipse half-width in face-box widths: the box is the face; hair and ears reach beyond it. */
    private static final double HEAD_HALF_WIDTH = 0.75;
    /** Extra height of the head ellipse above the crown and below the chin, mm. */
    private static final double HEAD_MARGIN_MM = 1.5;
    /** Border of the print left out (cutting and scanning effects), mm. */
    private static final double BORDER_MM = 0.5;
    /** Below this much background area the check says nothing (a head filling the print is FACE_FRAMING's business). */
    private static final double MIN_ZONE_MM2 = 40;
    /** The eye line in the face box, in box heights; the zone stops there (below it, hair and shoulders). */
    private static final double EYE_LINE_IN_BOX = 0.4;
    private static final double SMOOTH_MM = 0.3;
    private static final double TEXTURE_WINDOW_MM = 1.5;
    /** Quantisation of float images for a median by histogram: steps per grey level. */
    private static final double FLOAT_STEPS = 10;
    /** Without a face: the top corners, this fraction of the print's width and height each. */
    private static final double CORNER_WIDTH = 0.22;
    private static final double CORNER_HEIGHT = 0.33;

    private final PhotoProperties.Background rules;

    public BackgroundCheck(PhotoProperties.Background rules) {
        this.rules = rules;
    }

    /** Background measurements; {@code measured} is false when too little background is visible. */
    public record Stats(boolean measured, double edgeDensity, double texture, double shade) {
        static final Stats NOT_MEASURED = new Stats(false, 0, 0, 0);
    }

    /**
     * @param face    the main face box on the print
     * @param crownPx crown row on the print
     * @param chinPx  chin row on the print
     */
    public Stats measure(Mat grey, Rect face, double crownPx, double chinPx, double pxPerMm) {
        try (Mats m = new Mats()) {
            double eyeRow = face.y + EYE_LINE_IN_BOX * face.height;
            Mat zone = zone(grey, crownPx, chinPx, eyeRow, face.x + face.width / 2.0, face.width, pxPerMm, m);
            return measure(grey, zone, (int) Math.round(eyeRow), pxPerMm, m);
        }
    }

    /**
     * The same measurements when no face was found: on the two top corners of the print, which are background on
     * any ID photo (the head is in the middle, the shoulders lower down), so that a busy photo is still named
     * as such when the person in it was not found.
     */
    public Stats measureCorners(Mat grey, double pxPerMm) {
        try (Mats m = new Mats()) {
            Mat zone = m.add(Mat.zeros(grey.size(), CvType.CV_8UC1));
            int border = (int) Math.round(BORDER_MM * pxPerMm);
            int w = (int) Math.round(CORNER_WIDTH * grey.cols());
            int h = (int) Math.round(CORNER_HEIGHT * grey.rows());
            Imgproc.rectangle(zone, new Point(border, border), new Point(w, h), new Scalar(255), -1);
            Imgproc.rectangle(zone, new Point(grey.cols() - 1 - w, border), new Point(grey.cols() - 1 - border, h),
                    new Scalar(255), -1);
            return measure(grey, zone, h, pxPerMm, m);
        }
    }

    private Stats measure(Mat grey, Mat zone, int bottomRow, double pxPerMm, Mats m) {
        double zonePx = Core.countNonZero(zone);
        if (zonePx < MIN_ZONE_MM2 * pxPerMm * pxPerMm) {
            return Stats.NOT_MEASURED;
        }
        // smoothed over a few tenths of a mm: scanner noise and JPEG blocks are not texture
        Mat smooth = m.create();
        Imgproc.GaussianBlur(grey, smooth, new Size(0, 0), SMOOTH_MM * pxPerMm);
        Mat edges = m.create();
        Imgproc.Canny(smooth, edges, 20, 60);
        Core.bitwise_and(edges, zone, edges);
        double edgeDensity = Core.countNonZero(edges) / zonePx;
        double texture = median(localStd(smooth, (int) Math.round(TEXTURE_WINDOW_MM * pxPerMm) | 1, m), zone);
        double shade = shade(smooth, zone, bottomRow);
        return new Stats(true, edgeDensity, texture, shade);
    }

    public void judge(Stats s, Findings out) {
        if (!s.measured()) {
            return;
        }
        out.check(ReasonCode.BACKGROUND_NOT_PLAIN, "background edge density", s.edgeDensity(), rules.edgeDensity());
        out.check(ReasonCode.BACKGROUND_NOT_PLAIN, "background texture", s.texture(), rules.texture());
        out.check(ReasonCode.BACKGROUND_NOT_PLAIN, "background shade", s.shade(), rules.shade());
    }

    private static Mat zone(Mat grey, double crownPx, double chinPx, double eyeRow, double centrePx,
                            double faceWidthPx, double pxPerMm, Mats m) {
        Mat zone = m.add(Mat.zeros(grey.size(), CvType.CV_8UC1));
        int border = (int) Math.round(BORDER_MM * pxPerMm);
        int bottom = (int) Math.min(grey.rows() - border, Math.round(eyeRow));
        if (bottom <= border) {
            return zone;
        }
        Imgproc.rectangle(zone, new Point(border, border), new Point(grey.cols() - border - 1, bottom - 1),
                new Scalar(255), -1);
        double margin = HEAD_MARGIN_MM * pxPerMm;
        double top = crownPx - margin;
        double low = chinPx + margin;
        Imgproc.ellipse(zone, new Point(centrePx, (top + low) / 2),
                new Size(HEAD_HALF_WIDTH * faceWidthPx, (low - top) / 2), 0, 0, 360, new Scalar(0), -1);
        return zone;
    }

    private static Mat localStd(Mat grey, int window, Mats m) {
        Mat f = m.create();
        grey.convertTo(f, CvType.CV_32F);
        Mat mean = m.create();
        Mat sq = m.create();
        Mat meanSq = m.create();
        Imgproc.blur(f, mean, new Size(window, window));
        Core.multiply(f, f, sq);
        Imgproc.blur(sq, meanSq, new Size(window, window));
        Core.multiply(mean, mean, mean);
        Core.subtract(meanSq, mean, meanSq);
        Core.max(meanSq, new Scalar(0), meanSq);
        Core.sqrt(meanSq, meanSq);
        return meanSq;
    }

    /**
     * Median of {@code img} (one channel, 8-bit or float) over the non-zero pixels of {@code mask}: hair that
     * strays into the zone is a minority of it, clutter is not. A float image is quantised to 0.1 first (and
     * values above 25.5 count as 25.5, far above any band), so the median comes from a histogram, not a sort.
     */
    static double median(Mat img, Mat mask) {
        try (Mats m = new Mats()) {
            Mat bytes = img;
            double scale = 1;
            if (img.depth() != CvType.CV_8U) {
                scale = FLOAT_STEPS;
                bytes = m.create();
                img.convertTo(bytes, CvType.CV_8U, scale);
            }
            Mat hist = m.create();
            Imgproc.calcHist(java.util.List.of(bytes), new org.opencv.core.MatOfInt(0), mask, hist,
                    new org.opencv.core.MatOfInt(256), new org.opencv.core.MatOfFloat(0, 256));
            float[] h = new float[256];
            hist.get(0, 0, h);
            int[] counts = new int[256];
            long total = 0;
            for (int i = 0; i < 256; i++) {
                counts[i] = Math.round(h[i]);
                total += counts[i];
            }
            return total == 0 ? 0 : PrintLocator.percentile(counts, 0.5) / scale;
        }
    }

    /** Largest difference between the median grey of background blocks (three across, two down to the eye line). */
    private static double shade(Mat grey, Mat zone, int bottom) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        int bw = grey.cols() / 3;
        int bh = Math.max(1, Math.min(grey.rows(), bottom) / 2);
        for (int by = 0; by < 2; by++) {
            for (int bx = 0; bx < 3; bx++) {
                Rect r = new Rect(bx * bw, by * bh, bw, bh);
                Mat zr = zone.submat(r);
                Mat gr = grey.submat(r);
                try {
                    if (Core.countNonZero(zr) < 0.3 * r.area()) {
                        continue;
                    }
                    double v = median(gr, zr);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                } finally {
                    zr.release();
                    gr.release();
                }
            }
        }
        return hi >= lo ? hi - lo : 0;
    }
}
