package org.shinsei.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Locates one registration mark to sub-pixel precision in the full-resolution grey scan, near where the search
 * put it: Otsu threshold of a small window, the outer outline of the dark blob of the expected size nearest the
 * guess, and the centroid of that outline. The marks are point-symmetric, so threshold and blur shift every
 * edge equally and leave the centroid where the printed centre is.
 */
final class MarkRefiner {

    private static final double MIN_AREA_RATIO = 0.4;
    private static final double MAX_AREA_RATIO = 1.9;

    private MarkRefiner() {
    }

    /**
     * @param guess     expected centre, full-resolution pixels (OpenCV convention: pixel centres at integers)
     * @param sidePx    expected side of the mark's outer square, pixels
     * @param maxOffset how far from the guess the centre may be, pixels
     * @return the centre, or empty when no mark of that size is wholly inside the window and the image
     */
    static Optional<double[]> refine(Mat grey, double[] guess, double sidePx, double maxOffset) {
        int half = (int) Math.ceil(sidePx * 0.75 + maxOffset);
        int x0 = (int) Math.floor(guess[0]) - half;
        int y0 = (int) Math.floor(guess[1]) - half;
        Rect window = new Rect(x0, y0, 2 * half + 1, 2 * half + 1);
        if (x0 < 0 || y0 < 0 || x0 + window.width > grey.cols() || y0 + window.height > grey.rows()) {
            return Optional.empty();
        }
        Mat roi = grey.submat(window);
        Mat ink = new Mat();
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Imgproc.threshold(roi, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
            Imgproc.findContours(ink, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
            double expectedArea = sidePx * sidePx;
            double[] best = null;
            double bestDistance = maxOffset;
            for (MatOfPoint c : contours) {
                Rect b = Imgproc.boundingRect(c);
                if (b.x == 0 || b.y == 0 || b.x + b.width >= window.width || b.y + b.height >= window.height) {
                    continue;
                }
                double area = Imgproc.contourArea(c);
                if (area < MIN_AREA_RATIO * expectedArea || area > MAX_AREA_RATIO * expectedArea) {
                    continue;
                }
                double[] centre = FinderDetector.centroid(c);
                double d = Math.hypot(centre[0] + x0 - guess[0], centre[1] + y0 - guess[1]);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = new double[] {centre[0] + x0, centre[1] + y0};
                }
            }
            return Optional.ofNullable(best);
        } finally {
            roi.release();
            ink.release();
            hierarchy.release();
            contours.forEach(Mat::release);
        }
    }
}
