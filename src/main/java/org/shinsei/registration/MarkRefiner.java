package org.shinsei.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.imgproc.Imgproc;

/**
 * Locates one registration mark to sub-pixel precision near where it is expected: Otsu threshold of a small
 * window, the outer outline of the dark square of the expected size nearest the guess, and the centroid of that
 * outline. The marks are point-symmetric, so threshold and blur move every edge equally and leave the centroid
 * where the printed centre is. A mark cut by the image edge is not measured (its centroid would be off).
 */
final class MarkRefiner {

    private static final double MIN_AREA_RATIO = 0.4;
    private static final double MAX_AREA_RATIO = 1.9;
    private static final double MAX_ASPECT = 1.4;
    private static final double MIN_FILL = 0.75;

    private MarkRefiner() {
    }

    /**
     * @param guess     expected centre, pixels (OpenCV convention: pixel centres at integers)
     * @param sidePx    expected side of the mark's outer square, pixels
     * @param maxOffset how far from the guess the centre may be, pixels
     * @return the centre, or empty when no square blob of that size lies wholly inside the image near the guess
     */
    static Optional<double[]> refine(Mat grey, double[] guess, double sidePx, double maxOffset) {
        int half = (int) Math.ceil(sidePx * 0.75 + maxOffset);
        int x0 = Math.max(0, (int) Math.floor(guess[0]) - half);
        int y0 = Math.max(0, (int) Math.floor(guess[1]) - half);
        int x1 = Math.min(grey.cols(), (int) Math.floor(guess[0]) + half + 1);
        int y1 = Math.min(grey.rows(), (int) Math.floor(guess[1]) + half + 1);
        if (x1 - x0 < sidePx || y1 - y0 < sidePx) {
            return Optional.empty();
        }
        Rect window = new Rect(x0, y0, x1 - x0, y1 - y0);
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
                if (area < MIN_AREA_RATIO * expectedArea || area > MAX_AREA_RATIO * expectedArea || !square(c, area)) {
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

    /** A filled, roughly square outline: not a stroke of text or a line crossing the window. */
    static boolean square(MatOfPoint contour, double area) {
        MatOfPoint2f pts = new MatOfPoint2f(contour.toArray());
        try {
            RotatedRect r = Imgproc.minAreaRect(pts);
            double w = Math.max(r.size.width, 1e-9);
            double h = Math.max(r.size.height, 1e-9);
            return Math.max(w, h) / Math.min(w, h) <= MAX_ASPECT && area / (w * h) >= MIN_FILL;
        } finally {
            pts.release();
        }
    }
}
