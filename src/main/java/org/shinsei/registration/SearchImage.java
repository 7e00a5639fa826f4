package org.shinsei.registration;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A reduced grey copy of the scan for the whole-page work (finder search, ink count). Its resolution comes
 * from the image size, assuming about an A4 width across the shorter side, because the file's dpi may be
 * missing or wrong; the fiducials later give the true scale.
 *
 * @param grey   the reduced copy (or the scan itself when it is already coarse enough: then not owned)
 * @param scaleX full-resolution pixels per search pixel, horizontally
 * @param scaleY ... vertically
 */
record SearchImage(Mat grey, double scaleX, double scaleY, boolean owned) implements AutoCloseable {

    private static final double A4_SHORT_SIDE_MM = 210;

    /**
     * Reduces by a whole factor (e.g. 3 from 300 dpi to 100 dpi): OpenCV's area averaging has a fast path for
     * integer factors, several times quicker than a fractional one. The last {@code k - 1} columns and rows are
     * dropped; a mark that close to the edge could not be measured anyway.
     */
    static SearchImage of(Mat fullGrey, double searchDpi) {
        double estimatedPxPerMm = Math.min(fullGrey.cols(), fullGrey.rows()) / A4_SHORT_SIDE_MM;
        int k = (int) Math.round(estimatedPxPerMm / (searchDpi / 25.4));
        if (k <= 1) {
            return new SearchImage(fullGrey, 1, 1, false);
        }
        int w = fullGrey.cols() / k;
        int h = fullGrey.rows() / k;
        Mat whole = fullGrey.submat(new Rect(0, 0, w * k, h * k));
        Mat small = new Mat();
        try {
            Imgproc.resize(whole, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
        } finally {
            whole.release();
        }
        return new SearchImage(small, k, k, true);
    }

    /** Search pixel → full-resolution pixel (both with pixel centres at integer coordinates). */
    double[] toFull(double x, double y) {
        return new double[] {(x + 0.5) * scaleX - 0.5, (y + 0.5) * scaleY - 0.5};
    }

    double meanScale() {
        return (scaleX + scaleY) / 2;
    }

    @Override
    public void close() {
        if (owned) {
            grey.release();
        }
    }
}
