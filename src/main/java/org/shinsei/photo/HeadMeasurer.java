package org.shinsei.photo;

import java.util.Arrays;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Measures the head: the chin and the eyes from the face mesh (point 152 plus a calibrated offset; the eyes' centres
 * between their corners and lids, moved up to the pupils), the crown as the top of the head's silhouette, where the rows above the face stop
 * looking like the background at the same height.
 */
public final class HeadMeasurer {

    /** Fraction of the band above the face that must differ from the background for a row to be head. */
    private static final double HEAD_ROW_FRACTION = 0.12;
    /** Consecutive head rows needed, in mm, so that a stray hair or a speck does not count as the crown. */
    private static final double HEAD_RUN_MM = 0.4;
    /** Half-width of the column band above the face, in face widths. */
    private static final double BAND_HALF_WIDTH = 0.3;
    /** Where the crown is assumed to be when it cannot be seen: above the forehead point by this × forehead-to-chin. */
    private static final double TYPICAL_CROWN_ABOVE_FOREHEAD = 0.25;

    private final PhotoProperties.Face face;
    private final PhotoProperties.Framing framing;

    public HeadMeasurer(PhotoProperties.Face face, PhotoProperties.Framing framing) {
        this.face = face;
        this.framing = framing;
    }

    /**
     * @param print   upright print (BGR or grey) at {@code pxPerMm}, cut {@code insetMm} inside the print's edges
     * @param found   the faces on it (at least one), with the main face's mesh
     */
    public HeadGeometry measure(Mat print, FaceFinding found, BackgroundModel bg, double pxPerMm, double insetMm) {
        Rect box = found.main();
        FaceLandmarks lm = found.landmarks();
        Point l = pupil(lm.leftEye(), lm);
        Point r = pupil(lm.rightEye(), lm);
        double cx = (l.x + r.x) / 2;
        int crownRow = crownRow(print, box, bg, pxPerMm);
        boolean crownFound = crownRow >= 0;
        double chinPx = lm.chin().y + face.chinOffsetMm() * pxPerMm;
        double crownPx = crownFound ? crownRow
                : Math.max(0, lm.forehead().y - TYPICAL_CROWN_ABOVE_FOREHEAD * (chinPx - lm.forehead().y));
        double printWidthMm = print.cols() / pxPerMm + 2 * insetMm;
        return new HeadGeometry(crownPx / pxPerMm + insetMm, crownFound, chinPx / pxPerMm + insetMm,
                cx / pxPerMm + insetMm - printWidthMm / 2, lm.rollDeg(), lm.yawDeg(),
                new HeadGeometry.PointMm(l.x / pxPerMm + insetMm, l.y / pxPerMm + insetMm),
                new HeadGeometry.PointMm(r.x / pxPerMm + insetMm, r.y / pxPerMm + insetMm),
                new HeadGeometry.PointMm(lm.chin().x / pxPerMm + insetMm, chinPx / pxPerMm + insetMm),
                lm.forehead().y / pxPerMm + insetMm);
    }

    /** The pupil: the eye's centre moved up (along the face's vertical) by the calibrated offset. */
    private Point pupil(Point eyeCentre, FaceLandmarks lm) {
        Point a = lm.leftEye();
        Point b = lm.rightEye();
        double ipd = Math.hypot(b.x - a.x, b.y - a.y);
        double ux = (b.x - a.x) / ipd;
        double uy = (b.y - a.y) / ipd;
        // the face's "up" is the eye line turned by -90 degrees
        double k = face.pupilAboveEyeCentreIpd() * ipd;
        return new Point(eyeCentre.x + uy * k, eyeCentre.y - ux * k);
    }

    /**
     * First row (from the top) of a sustained run of head rows above the face, 0 if the head touches the top,
     * -1 if none. A pixel is head when it differs from its own row's background: the median colour of the
     * row's outer quarters, which the head does not reach above the crown. A per-row reference is not fooled by
     * the vertical light gradient that studio backgrounds have.
     */
    private int crownRow(Mat print, Rect box, BackgroundModel bg, double pxPerMm) {
        int x0 = Math.max(0, (int) Math.round(box.x + box.width * (0.5 - BAND_HALF_WIDTH)));
        int x1 = Math.min(print.cols(), (int) Math.round(box.x + box.width * (0.5 + BAND_HALF_WIDTH)));
        int rows = Math.min(print.rows(), box.y + box.height / 4);
        if (rows <= 0 || x1 <= x0) {
            return -1;
        }
        int run = Math.max(2, (int) Math.round(HEAD_RUN_MM * pxPerMm));
        int need = (int) Math.ceil(HEAD_ROW_FRACTION * (x1 - x0));
        double threshold = Math.max(framing.crownColourDistance(), 4 * bg.noise());
        int cols = print.cols();
        int ch = print.channels();
        byte[] data = new byte[rows * cols * ch];
        try (Mats m = new Mats()) {
            Mat top = m.add(print.submat(0, rows, 0, cols));
            Mat smooth = m.create();
            Imgproc.GaussianBlur(top, smooth, new Size(5, 5), 0);
            smooth.get(0, 0, data);
        }
        int streak = 0;
        int[] hist = new int[256];
        int[] median = new int[ch];
        for (int y = 0; y < rows; y++) {
            int base = y * cols * ch;
            for (int c = 0; c < ch; c++) {
                Arrays.fill(hist, 0);
                for (int x = 0; x < cols; x++) {
                    if (x < cols / 4 || x >= cols - cols / 4) {
                        hist[data[base + x * ch + c] & 0xff]++;
                    }
                }
                median[c] = (int) PrintLocator.percentile(hist, 0.5);
            }
            int head = 0;
            for (int x = x0; x < x1; x++) {
                int d = 0;
                for (int c = 0; c < ch; c++) {
                    d = Math.max(d, Math.abs((data[base + x * ch + c] & 0xff) - median[c]));
                }
                if (d > threshold) {
                    head++;
                }
            }
            streak = head >= need ? streak + 1 : 0;
            if (streak >= run) {
                return y - run + 1;
            }
        }
        return -1;
    }
}
