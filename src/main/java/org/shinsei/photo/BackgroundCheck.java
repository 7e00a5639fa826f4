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
 * above the chin line and outside a generous ellipse around the head (hair sticks out), which leaves the
 * top corners, the band above the head and the sides. There it measures edge density, local texture and
 * how much the brightness changes from block to block (a shadow or a gradient).
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
    private static final int BLOCKS = 4;

    private final PhotoProperties.Background rules;

    public BackgroundCheck(PhotoProperties.Background rules) {
        this.rules = rules;
    }

    /** Background measurements; {@code measured} is false when too little background is visible. */
    public record Stats(boolean measured, double edgeDensity, double texture, double shade) {
        static final Stats NOT_MEASURED = new Stats(false, 0, 0, 0);
    }

    /** @param head the head geometry in print pixels: crown row, chin row, centre column, face width */
    public Stats measure(Mat grey, double crownPx, double chinPx, double centrePx, double faceWidthPx, double pxPerMm) {
        try (Mats m = new Mats()) {
            Mat zone = zone(grey, crownPx, chinPx, centrePx, faceWidthPx, pxPerMm, m);
            double zonePx = Core.countNonZero(zone);
            if (zonePx < MIN_ZONE_MM2 * pxPerMm * pxPerMm) {
                return Stats.NOT_MEASURED;
            }
            Mat smooth = m.create();
            Imgproc.GaussianBlur(grey, smooth, new Size(5, 5), 1.2);
            Mat edges = m.create();
            Imgproc.Canny(smooth, edges, 30, 90);
            Core.bitwise_and(edges, zone, edges);
            double edgeDensity = Core.countNonZero(edges) / zonePx;
            double texture = Core.mean(localStd(smooth, m), zone).val[0];
            double shade = shade(smooth, zone);
            return new Stats(true, edgeDensity, texture, shade);
        }
    }

    public void judge(Stats s, Findings out) {
        if (!s.measured()) {
            return;
        }
        out.check(ReasonCode.BACKGROUND_NOT_PLAIN, "background edge density", s.edgeDensity(), rules.edgeDensity());
        out.check(ReasonCode.BACKGROUND_NOT_PLAIN, "background texture", s.texture(), rules.texture());
        out.check(ReasonCode.BACKGROUND_NOT_PLAIN, "background shade", s.shade(), rules.shade());
    }

    private static Mat zone(Mat grey, double crownPx, double chinPx, double centrePx, double faceWidthPx,
                            double pxPerMm, Mats m) {
        Mat zone = m.add(Mat.zeros(grey.size(), CvType.CV_8UC1));
        int border = (int) Math.round(BORDER_MM * pxPerMm);
        int bottom = (int) Math.min(grey.rows() - border, Math.round(chinPx));
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

    private static Mat localStd(Mat grey, Mats m) {
        Mat f = m.create();
        grey.convertTo(f, CvType.CV_32F);
        Mat mean = m.create();
        Mat sq = m.create();
        Mat meanSq = m.create();
        Imgproc.blur(f, mean, new Size(7, 7));
        Core.multiply(f, f, sq);
        Imgproc.blur(sq, meanSq, new Size(7, 7));
        Core.multiply(mean, mean, mean);
        Core.subtract(meanSq, mean, meanSq);
        Core.max(meanSq, new Scalar(0), meanSq);
        Core.sqrt(meanSq, meanSq);
        return meanSq;
    }

    /** Largest difference between the mean grey of background blocks that are mostly background. */
    private static double shade(Mat grey, Mat zone) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        int bw = grey.cols() / BLOCKS;
        int bh = grey.rows() / BLOCKS;
        for (int by = 0; by < BLOCKS; by++) {
            for (int bx = 0; bx < BLOCKS; bx++) {
                Rect r = new Rect(bx * bw, by * bh, bw, bh);
                Mat zr = zone.submat(r);
                Mat gr = grey.submat(r);
                try {
                    if (Core.countNonZero(zr) < 0.3 * r.area()) {
                        continue;
                    }
                    double v = Core.mean(gr, zr).val[0];
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
