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
 * @param chroma        for a scan decoded as luma + half-resolution colour ({@code ScanPage#chroma()}): the colour
 *                      copy, and then {@code image} is the luma; else null
 */
public record RegisteredPage(int pageNo, Mat image, Mat grey, PageTransform transform,
                             int orientationDeg, double skewDeg, double dpi, Double declaredDpi, Mat chroma)
        implements AutoCloseable {

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
     * An upright crop of the scan as decoded (colour if the scan is colour). From luma + half-resolution colour,
     * the crop's colour comes from the colour copy and its brightness from the full-resolution luma, as a JPEG
     * decoder would put them together.
     */
    public Mat cropImage(MmRect rect, double pxPerMm) {
        if (chroma == null) {
            return crop(image, rect, pxPerMm);
        }
        Mat luma = crop(grey, rect, pxPerMm);
        Mat ycc = crop(chroma, rect, pxPerMm, 0.5);
        try {
            Imgproc.cvtColor(ycc, ycc, Imgproc.COLOR_BGR2YCrCb);
            org.opencv.core.Core.insertChannel(luma, ycc, 0);
            Mat out = new Mat();
            Imgproc.cvtColor(ycc, out, Imgproc.COLOR_YCrCb2BGR);
            return out;
        } finally {
            luma.release();
            ycc.release();
        }
    }

    private Mat crop(Mat src, MmRect rect, double pxPerMm) {
        return crop(src, rect, pxPerMm, 1);
    }

    /**
     * @param srcScale size of {@code src} relative to the scan: 0.5 for the half-resolution colour copy, whose pixel
     *                 j covers scan pixels 2j and 2j+1 (centre at scan coordinate 2j + 0.5)
     */
    private Mat crop(Mat src, MmRect rect, double pxPerMm, double srcScale) {
        int w = (int) Math.round(rect.width() * pxPerMm);
        int h = (int) Math.round(rect.height() * pxPerMm);
        Mat map = transform.cropMap(rect.x(), rect.y(), pxPerMm);
        if (srcScale != 1) {
            double shift = (1 - 1 / srcScale) * srcScale / 2;   // 0.5 → -0.25
            double[] row0 = {map.get(0, 0)[0], map.get(0, 1)[0], map.get(0, 2)[0]};
            double[] row1 = {map.get(1, 0)[0], map.get(1, 1)[0], map.get(1, 2)[0]};
            map.put(0, 0, row0[0] * srcScale, row0[1] * srcScale, row0[2] * srcScale + shift);
            map.put(1, 0, row1[0] * srcScale, row1[1] * srcScale, row1[2] * srcScale + shift);
        }
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
        if (chroma != null) {
            chroma.release();
        }
    }
}
