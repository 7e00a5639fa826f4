package org.shinsei.fields;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

/**
 * Brings one digit's ink, at any resolution, to the form MNIST gives its digits and the digit network reads: the
 * ink's bounding box fitted into {@value #FIT}×{@value #FIT} keeping the aspect ratio, its centre of mass on the
 * centre of a {@value #SIZE}×{@value #SIZE} image, its strong core stretched to full strength. The training data are
 * made by this same function from scanned boxes (see {@code training/digits/}), which is what makes them comparable.
 */
public final class DigitImage {

    public static final int SIZE = 28;
    static final int FIT = 20;
    /** Pixels weaker than this share of the strongest are the stroke's fringe, not its extent. */
    private static final double EXTENT_SHARE = 0.25;

    private DigitImage() {
    }

    /**
     * @param ink 8-bit single channel, ink bright on a black background (0 = no ink)
     * @return {@value #SIZE}×{@value #SIZE} bytes, row-major, all 0 when there is no ink
     */
    public static byte[] normalise(Mat ink) {
        byte[] out = new byte[SIZE * SIZE];
        double max = Core.minMaxLoc(ink).maxVal;
        if (max < 1) {
            return out;
        }
        Mat mask = new Mat();
        Mat small = new Mat();
        Mat map = new Mat(2, 3, CvType.CV_64F);
        Mat placed = new Mat();
        try {
            Imgproc.threshold(ink, mask, EXTENT_SHARE * max, 255, Imgproc.THRESH_BINARY);
            Rect box = Imgproc.boundingRect(mask);
            if (box.width == 0 || box.height == 0) {
                return out;
            }
            double scale = (double) FIT / Math.max(box.width, box.height);
            int w = Math.max(1, (int) Math.round(box.width * scale));
            int h = Math.max(1, (int) Math.round(box.height * scale));
            Mat region = ink.submat(box);
            Imgproc.resize(region, small, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            region.release();
            Moments m = Imgproc.moments(small);
            double cx = m.m00 > 0 ? m.m10 / m.m00 : (w - 1) / 2.0;
            double cy = m.m00 > 0 ? m.m01 / m.m00 : (h - 1) / 2.0;
            // the centre of mass (pixel centres on integers) onto the image's centre, (SIZE - 1) / 2
            map.put(0, 0, 1, 0, (SIZE - 1) / 2.0 - cx);
            map.put(1, 0, 0, 1, (SIZE - 1) / 2.0 - cy);
            Imgproc.warpAffine(small, placed, map, new Size(SIZE, SIZE), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT,
                    Scalar.all(0));
            placed.get(0, 0, out);
            stretch(out);
            return out;
        } finally {
            mask.release();
            small.release();
            map.release();
            placed.release();
        }
    }

    /** Scales the ink so that its strong core reaches 255, whatever the pen, the scan or the paper. */
    private static void stretch(byte[] px) {
        int core = strongInk(px);
        if (core <= 0) {
            return;
        }
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.min(255, Math.round((px[i] & 0xff) * 255.0f / core));
        }
    }

    /**
     * The ink level of a digit's strong core: among the pixels at least a quarter as dark as the darkest, the level
     * that the darkest fifth of them reach. Shared with {@link DigitNormaliser}, the second reader's normalisation.
     */
    static int strongInk(byte[] px) {
        int[] hist = new int[256];
        int peak = 0;
        for (byte b : px) {
            int v = b & 0xff;
            hist[v]++;
            peak = Math.max(peak, v);
        }
        int floor = (int) (EXTENT_SHARE * peak);
        int strong = 0;
        for (int v = floor; v < 256; v++) {
            strong += hist[v];
        }
        int seen = 0;
        for (int v = 255; v >= floor; v--) {
            seen += hist[v];
            if (seen >= 0.2 * strong) {
                return v;
            }
        }
        return peak;
    }
}
