package org.shinsei.registration;

import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;
import org.shinsei.support.OpenCv;

/**
 * How much of a page is ink: pixels clearly darker than the paper, after a 3×3 median that removes isolated
 * noise and JPEG speckle. The paper level is measured (a high percentile of the page), so a grey or off-white
 * paper tone does not count as ink.
 */
final class InkMeter {

    static {
        OpenCv.load();
    }

    private static final double PAPER_PERCENTILE = 0.9;
    /** calcHist arguments; read-only, so shared by all threads. */
    private static final MatOfInt CHANNEL_0 = new MatOfInt(0);
    private static final MatOfInt BINS = new MatOfInt(256);
    private static final MatOfFloat RANGE = new MatOfFloat(0, 256);
    private static final Mat NO_MASK = new Mat();

    private InkMeter() {
    }

    /** Fraction of the area inside {@code marginPx} from the border that is ink. */
    static double inkFraction(Mat grey, int marginPx, int contrast) {
        int m = 2 * marginPx < Math.min(grey.cols(), grey.rows()) / 2 ? marginPx : 0;
        Mat inner = grey.submat(new Rect(m, m, grey.cols() - 2 * m, grey.rows() - 2 * m));
        Mat smooth = new Mat();
        Mat ink = new Mat();
        try {
            Imgproc.medianBlur(inner, smooth, 3);
            int paper = percentile(smooth, PAPER_PERCENTILE);
            Imgproc.threshold(smooth, ink, paper - contrast, 255, Imgproc.THRESH_BINARY_INV);
            return (double) Core.countNonZero(ink) / (inner.cols() * (double) inner.rows());
        } finally {
            inner.release();
            smooth.release();
            ink.release();
        }
    }

    private static int percentile(Mat grey, double q) {
        Mat hist = new Mat();
        try {
            Imgproc.calcHist(List.of(grey), CHANNEL_0, NO_MASK, hist, BINS, RANGE);
            float[] counts = new float[256];
            hist.get(0, 0, counts);
            double total = grey.total();
            double seen = 0;
            for (int v = 0; v < 256; v++) {
                seen += counts[v];
                if (seen >= q * total) {
                    return v;
                }
            }
            return 255;
        } finally {
            hist.release();
        }
    }
}
