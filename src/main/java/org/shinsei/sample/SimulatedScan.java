package org.shinsei.sample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.shinsei.form.FormLayout;
import org.shinsei.form.MmRect;
import org.opencv.imgproc.Imgproc;
import org.shinsei.registration.PageTransform;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.scan.ScanPage;
import org.shinsei.support.OpenCv;

/**
 * A generated scan and the exact geometry it was made with.
 *
 * <p><b>Pixel convention of {@code truth}</b>: continuous image coordinates in which pixel (i, j) covers
 * [i, i+1) × [j, j+1), so its centre is at (i + 0.5, j + 0.5) — Java2D's convention, in which the page was drawn.
 * A consumer that puts pixel centres at integer coordinates (OpenCV's {@code warpAffine}, a centroid of pixel
 * indices) must subtract 0.5 from both coordinates; at 200 dpi that is 0.06 mm.
 *
 * @param image {@code TYPE_3BYTE_BGR} (colour) or {@code TYPE_BYTE_GRAY}
 * @param truth page mm → pixels of {@code image} (convention above)
 * @param dpi   the nominal scan resolution (the true scale is in {@code truth}, scale error included)
 */
public record SimulatedScan(BufferedImage image, PageTransform truth, double dpi) {

    public boolean colour() {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    /** The image as an OpenCV {@code Mat}: {@code CV_8UC3} BGR or {@code CV_8UC1}; the caller releases it. */
    public Mat toMat() {
        OpenCv.load();
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat m = new Mat(image.getHeight(), image.getWidth(), colour() ? CvType.CV_8UC3 : CvType.CV_8UC1);
        m.put(0, 0, data);
        return m;
    }

    /** A {@link ScanPage} as the envelope opener would produce it, declaring the dpi or not. */
    public ScanPage toScanPage(int pageNo, boolean declareDpi) {
        return new ScanPage(pageNo, toMat(), declareDpi ? dpi : null);
    }

    /**
     * The page as registration would hand it over, built from the exact {@code truth} instead of found fiducials:
     * for tests of the stages after registration. The generator's pixel (i, j) covers [i, i+1); OpenCV puts pixel
     * centres on integers, hence the half-pixel shift.
     */
    public RegisteredPage toRegisteredPage(int orientationDeg, double skewDeg) {
        PageTransform cv = new PageTransform(truth.a(), truth.b(), truth.c() - 0.5, truth.d(), truth.e(), truth.f() - 0.5);
        Mat image = toMat();
        Mat grey = image;
        if (image.channels() == 3) {
            grey = new Mat();
            Imgproc.cvtColor(image, grey, Imgproc.COLOR_BGR2GRAY);
        }
        return new RegisteredPage(1, image, grey, cv, orientationDeg, skewDeg, dpi, dpi);
    }

    /** Whether all four fiducials lie wholly inside the image (large skew plus shift can push a corner off the bed). */
    public boolean fiducialsInside(FormLayout layout) {
        FormLayout.Fiducials f = layout.fiducials();
        for (MmRect r : new MmRect[] {f.topLeft(), f.topRight(), f.bottomLeft(), f.bottomRight()}) {
            for (double[] corner : new double[][] {{r.x(), r.y()}, {r.x() + r.width(), r.y()},
                    {r.x(), r.y() + r.height()}, {r.x() + r.width(), r.y() + r.height()}}) {
                double[] p = truth.toPixel(corner[0], corner[1]);
                if (p[0] < 0 || p[1] < 0 || p[0] > image.getWidth() || p[1] > image.getHeight()) {
                    return false;
                }
            }
        }
        return true;
    }
}
