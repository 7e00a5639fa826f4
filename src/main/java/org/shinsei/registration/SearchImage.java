package org.shinsei.registration;

import org.opencv.core.Mat;
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

    static SearchImage of(Mat fullGrey, double searchDpi) {
        double estimatedPxPerMm = Math.min(fullGrey.cols(), fullGrey.rows()) / A4_SHORT_SIDE_MM;
        double factor = searchDpi / 25.4 / estimatedPxPerMm;
        if (factor >= 0.9) {
            return new SearchImage(fullGrey, 1, 1, false);
        }
        int w = Math.max(1, (int) Math.round(fullGrey.cols() * factor));
        int h = Math.max(1, (int) Math.round(fullGrey.rows() * factor));
        Mat small = new Mat();
        Imgproc.resize(fullGrey, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
        return new SearchImage(small, (double) fullGrey.cols() / w, (double) fullGrey.rows() / h, true);
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
