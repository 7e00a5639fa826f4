package org.shinsei.id;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Finds ink on the printed-digit line that is not a digit: a blot, a smudge, a pen stroke across the line.
 * Tesseract often reads such a line as 23 confident digits with one of them wrong, so a line with a blot on it is
 * never trusted on its own. Two tests:
 * <ul>
 *   <li>thickness: printed strokes are about 0.1 em wide; on 200 dpi JPEG scans blur and binarisation thicken
 *       them, but no ink pixel of an intact line lay deeper than 0.12 em from paper (300 generated pages), while
 *       every blot of 1.5 mm radius or more reached 0.26 em;</li>
 *   <li>size: a pen stroke through the line is thin but joins the digits into one component much larger than a
 *       digit, or taller than one.</li>
 * </ul>
 */
final class InkBlots {

    /** DejaVu Sans Mono digits are 0.73 em tall. */
    private static final double DIGIT_HEIGHT_EM = 0.73;
    private static final double MAX_HEIGHT_FACTOR = 1.5;
    /** A merged group of four blurred digits holds about 11 mm² of ink at 4.5 mm. */
    private static final double MAX_AREA_EM2 = 0.6;
    /** Deepest ink allowed, in em (measured: intact ≤ 0.12, blots ≥ 0.26). */
    private static final double MAX_DEPTH_EM = 0.18;

    private InkBlots() {
    }

    /**
     * @param ink     ink (255) on paper (0)
     * @param pxPerMm the crop's resolution
     * @param sizeMm  the digits' em size
     */
    static boolean present(Mat ink, double pxPerMm, double sizeMm) {
        return tooDeep(ink, MAX_DEPTH_EM * sizeMm * pxPerMm) || tooLarge(ink, pxPerMm, sizeMm);
    }

    private static boolean tooDeep(Mat ink, double maxDepthPx) {
        Mat depth = new Mat();
        try {
            Imgproc.distanceTransform(ink, depth, Imgproc.DIST_L2, 3);
            return Core.minMaxLoc(depth).maxVal > maxDepthPx;
        } finally {
            depth.release();
        }
    }

    private static boolean tooLarge(Mat ink, double pxPerMm, double sizeMm) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            int n = Imgproc.connectedComponentsWithStats(ink, labels, stats, centroids, 8);
            double maxHeight = MAX_HEIGHT_FACTOR * DIGIT_HEIGHT_EM * sizeMm * pxPerMm;
            double maxArea = MAX_AREA_EM2 * sizeMm * sizeMm * pxPerMm * pxPerMm;
            for (int i = 1; i < n; i++) {
                if (stats.get(i, Imgproc.CC_STAT_HEIGHT)[0] > maxHeight || stats.get(i, Imgproc.CC_STAT_AREA)[0] > maxArea) {
                    return true;
                }
            }
            return false;
        } finally {
            centroids.release();
            stats.release();
            labels.release();
        }
    }
}
