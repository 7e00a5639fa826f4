package org.shinsei.registration;

import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.MmRect;

/**
 * A form page whose geometry is known: the scan as decoded, its grey version, and the map from the
 * layout's millimetres to the scan's pixels. Stages never look at the whole scan; they ask for upright
 * crops of layout rectangles at the resolution they need. Owns its {@code Mat}s.
 *
 * @param pageNo        1-based page within the envelope
 * @param image         the scan as decoded: BGR ({@code CV_8UC3}) or grey ({@code CV_8UC1})
 * @param grey          the same page in 8-bit grey (the same object as {@code image} for a grey scan)
 * @param transform     page mm → scan px
 * @param orientationDeg 0, 90, 180 or 270: how far the page was turned when fed
 * @param skewDeg       the residual rotation after orientation, within ±(a few) degrees
 * @param dpi           the resolution measured from the fiducial spacing
 * @param declaredDpi   the resolution the file stated, or null
 */
public record RegisteredPage(int pageNo, Mat image, Mat grey, PageTransform transform,
                             int orientationDeg, double skewDeg, double dpi, Double declaredDpi)
        implements AutoCloseable {

    public static final double MM_PER_INCH = 25.4;

    public boolean colour() {
        return image.channels() == 3;
    }

    /** An upright grey crop of a layout rectangle at {@code pxPerMm} (e.g. 300 dpi = 11.81 px/mm); white outside the scan. */
    public Mat cropGrey(MmRect rect, double pxPerMm) {
        return crop(grey, rect, pxPerMm);
    }

    /** An upright crop of the scan as decoded (colour if the scan is colour). */
    public Mat cropImage(MmRect rect, double pxPerMm) {
        return crop(image, rect, pxPerMm);
    }

    private Mat crop(Mat src, MmRect rect, double pxPerMm) {
        int w = (int) Math.round(rect.width() * pxPerMm);
        int h = (int) Math.round(rect.height() * pxPerMm);
        Mat map = transform.cropMap(rect.x(), rect.y(), pxPerMm);
        try {
            Mat out = new Mat();
            Imgproc.warpAffine(src, out, map, new Size(w, h),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, org.opencv.core.Core.BORDER_CONSTANT,
                    new Scalar(255, 255, 255));
            return out;
        } finally {
            map.release();
        }
    }

    public static double dpiToPxPerMm(double dpi) {
        return dpi / MM_PER_INCH;
    }

    @Override
    public void close() {
        if (grey != image) {
            grey.release();
        }
        image.release();
    }
}
