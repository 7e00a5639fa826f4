package org.shinsei.id;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Finds ink on the printed-digit line that is not a digit: a blot, a smudge, a pen stroke across the line.
 * Tesseract often reads such a line as 23 confident digits with one of them wrong, so a line with a blot on it is
 * never trusted on its own. A component counts as a blot when it is much taller than a digit or holds more
 * ink than a whole group of digits run together.
 */
final class InkBlots {

    /** DejaVu Sans Mono digits are 0.73 em tall. */
    private static final double DIGIT_HEIGHT_EM = 0.73;
    private static final double MAX_HEIGHT_FACTOR = 1.5;
    /** A merged group of four blurred digits holds about 11 mm² of ink at 4.5 mm; a 4 mm blot about 13 mm². */
    private static final double MAX_AREA_EM2 = 0.6;

    private InkBlots() {
    }

    /**
     * @param binary  white paper (255), black ink (0)
     * @param pxPerMm the crop's resolution
     * @param sizeMm  the digits' em size
     */
    static boolean present(Mat binary, double pxPerMm, double sizeMm) {
        Mat ink = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Imgproc.threshold(binary, ink, 127, 255, Imgproc.THRESH_BINARY_INV);
            int n = Imgproc.connectedComponentsWithStats(ink, labels, stats, centroids, 8);
            double maxHeight = MAX_HEIGHT_FACTOR * DIGIT_HEIGHT_EM * sizeMm * pxPerMm;
            double maxArea = MAX_AREA_EM2 * sizeMm * sizeMm * pxPerMm * pxPerMm;
            for (int i = 1; i < n; i++) {
                double h = stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
                double area = stats.get(i, Imgproc.CC_STAT_AREA)[0];
                if (h > maxHeight || area > maxArea) {
                    return true;
                }
            }
            return false;
        } finally {
            centroids.release();
            stats.release();
            labels.release();
            ink.release();
        }
    }
}
