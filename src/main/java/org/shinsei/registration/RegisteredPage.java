package org.shinsei.registration;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
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
 * @param chroma        for a scan decoded as luma + half-resolution colour ({@code ScanPage#chroma()}): the colour
 *                      copy, and then {@code image} is the luma; else null
 * @param rebuilt       the last scan region rebuilt in colour from luma + chroma, kept for the next crop that lies
 *                      within it (the photo and its output crop read the same region)
 */
public record RegisteredPage(int pageNo, Mat image, Mat grey, PageTransform transform,
                             int orientationDeg, double skewDeg, double dpi, Double declaredDpi, Mat chroma,
                             RebuiltRegion rebuilt)
        implements AutoCloseable {

    /** A page decoded as luma + half-resolution colour, or ({@code chroma} null) decoded whole. */
    public RegisteredPage(int pageNo, Mat image, Mat grey, PageTransform transform, int orientationDeg, double skewDeg,
                          double dpi, Double declaredDpi, Mat chroma) {
        this(pageNo, image, grey, transform, orientationDeg, skewDeg, dpi, declaredDpi, chroma,
                chroma == null ? null : new RebuiltRegion());
    }

    public static final double MM_PER_INCH = 25.4;

    /** A page whose colour (if any) is {@code image} itself. */
    public RegisteredPage(int pageNo, Mat image, Mat grey, PageTransform transform, int orientationDeg, double skewDeg,
                          double dpi, Double declaredDpi) {
        this(pageNo, image, grey, transform, orientationDeg, skewDeg, dpi, declaredDpi, null);
    }

    public boolean colour() {
        return image.channels() == 3 || chroma != null;
    }

    /** An upright grey crop of a layout rectangle at {@code pxPerMm} (e.g. 300 dpi = 11.81 px/mm); white outside the scan. */
    public Mat cropGrey(MmRect rect, double pxPerMm) {
        return crop(grey, rect, pxPerMm);
    }

    /**
     * An upright crop of the scan as decoded (colour if the scan is colour). From luma + half-resolution colour, the
     * scan region under the crop is first rebuilt as the whole colour decode would have given it
     * ({@link JpegColour}), so that the crop is the same as from a whole decode.
     */
    public Mat cropImage(MmRect rect, double pxPerMm) {
        if (chroma == null) {
            return crop(image, rect, pxPerMm);
        }
        int w = (int) Math.round(rect.width() * pxPerMm);
        int h = (int) Math.round(rect.height() * pxPerMm);
        Mat map = transform.cropMap(rect.x(), rect.y(), pxPerMm);
        try {
            double[] m = new double[6];
            map.get(0, 0, m);
            // the scan pixels the crop's bilinear sampling can reach: the crop's corners mapped, and a margin
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int cy = 0; cy <= 1; cy++) {
                for (int cx = 0; cx <= 1; cx++) {
                    double sx = m[0] * cx * w + m[1] * cy * h + m[2];
                    double sy = m[3] * cx * w + m[4] * cy * h + m[5];
                    minX = Math.min(minX, sx);
                    maxX = Math.max(maxX, sx);
                    minY = Math.min(minY, sy);
                    maxY = Math.max(maxY, sy);
                }
            }
            int x0 = (int) Math.max(0, Math.floor(minX) - 2);
            int y0 = (int) Math.max(0, Math.floor(minY) - 2);
            int x1 = (int) Math.min(grey.cols(), Math.ceil(maxX) + 3);
            int y1 = (int) Math.min(grey.rows(), Math.ceil(maxY) + 3);
            if (x0 >= x1 || y0 >= y1) {
                return new Mat(h, w, CvType.CV_8UC3, new Scalar(255, 255, 255));
            }
            Rect need = new Rect(x0, y0, x1 - x0, y1 - y0);
            Mat region = rebuilt.covering(need, grey, chroma);
            Rect at = rebuilt.rect();
            // the region reaches the scan's edge wherever the crop does, so sampling it is sampling the scan
            map.put(0, 2, m[2] - at.x);
            map.put(1, 2, m[5] - at.y);
            Mat out = new Mat();
            Imgproc.warpAffine(region, out, map, new Size(w, h),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT,
                    new Scalar(255, 255, 255));
            return out;
        } finally {
            map.release();
        }
    }

    private Mat crop(Mat src, MmRect rect, double pxPerMm) {
        int w = (int) Math.round(rect.width() * pxPerMm);
        int h = (int) Math.round(rect.height() * pxPerMm);
        Mat map = transform.cropMap(rect.x(), rect.y(), pxPerMm);
        try {
            Mat out = new Mat();
            Imgproc.warpAffine(src, out, map, new Size(w, h),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT,
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
        if (chroma != null) {
            chroma.release();
        }
        if (rebuilt != null) {
            rebuilt.close();
        }
    }
}
