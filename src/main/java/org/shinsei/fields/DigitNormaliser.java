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
 * Brings one digit's ink, at any resolution, to the form the classifier was trained on: deskewed by its
 * second moments, its bounding box fitted into {@value #FIT}×{@value #FIT} keeping the aspect ratio, its centre of
 * mass on the centre of a {@value #SIZE}×{@value #SIZE} image, and its ink stretched to full strength. Training
 * cells and scanned boxes go through this same function, which is what makes them comparable.
 */
public final class DigitNormaliser {

    public static final int SIZE = 20;
    static final int FIT = 16;
    private static final double MAX_SKEW = 1.0;
    /** Pixels weaker than this share of the strongest are the stroke's fringe, not its extent. */
    private static final double EXTENT_SHARE = 0.25;

    private DigitNormaliser() {
    }

    /**
     * @param ink 8-bit single channel, ink bright on a black background (0 = no ink)
     * @return a new {@value #SIZE}×{@value #SIZE} {@code CV_8UC1} image, all black when there is no ink
     */
    public static Mat normalise(Mat ink) {
        double max = Core.minMaxLoc(ink).maxVal;
        if (max < 1) {
            return Mat.zeros(SIZE, SIZE, CvType.CV_8UC1);
        }
        Mat upright = deskew(ink);
        try {
            return fitAndCentre(upright, max);
        } finally {
            upright.release();
        }
    }

    private static Mat deskew(Mat ink) {
        Moments m = Imgproc.moments(ink);
        if (Math.abs(m.mu02) < 1e-2 * Math.max(1, m.m00)) {
            return ink.clone();
        }
        double skew = Math.max(-MAX_SKEW, Math.min(MAX_SKEW, m.mu11 / m.mu02));
        double cy = m.m01 / m.m00;
        int pad = (int) Math.ceil(Math.abs(skew) * ink.rows() / 2.0) + 1;
        // dst(x, y) = src(x - pad + skew·(y - cy), y): a horizontal shear about the centre of mass row
        Mat map = new Mat(2, 3, CvType.CV_64F);
        map.put(0, 0, 1, skew, -pad - skew * cy);
        map.put(1, 0, 0, 1, 0);
        Mat out = Mat.zeros(ink.rows(), ink.cols() + 2 * pad, CvType.CV_8UC1);
        // Only the columns the ink can reach are warped; the rest of the output stays black. The source and the
        // output are both cut from the same column, so the map is unchanged and every warped pixel is the one the
        // whole-image warp gives (outside the ink's columns the source is black either way).
        Rect ink0 = Imgproc.boundingRect(ink);
        double reach = Math.abs(skew) * Math.max(cy, ink.rows() - cy) + 2;
        int from = Math.max(0, (int) Math.floor(ink0.x + pad - reach) - 2);
        int to = Math.min(out.cols(), (int) Math.ceil(ink0.x + ink0.width + pad + reach) + 2);
        Mat src = ink.colRange(from, Math.min(ink.cols(), to));
        Mat dst = out.colRange(from, to);
        try {
            Imgproc.warpAffine(src, dst, map, dst.size(),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT, Scalar.all(0));
            return out;
        } finally {
            src.release();
            dst.release();
            map.release();
        }
    }

    private static Mat fitAndCentre(Mat ink, double max) {
        Mat mask = new Mat();
        Mat small = new Mat();
        Mat map = new Mat(2, 3, CvType.CV_64F);
        try {
            Imgproc.threshold(ink, mask, EXTENT_SHARE * max, 255, Imgproc.THRESH_BINARY);
            Rect box = Imgproc.boundingRect(mask);
            if (box.width == 0 || box.height == 0) {
                return Mat.zeros(SIZE, SIZE, CvType.CV_8UC1);
            }
            double scale = (double) FIT / Math.max(box.width, box.height);
            int w = Math.max(1, (int) Math.round(box.width * scale));
            int h = Math.max(1, (int) Math.round(box.height * scale));
            Imgproc.resize(ink.submat(box), small, new Size(w, h), 0, 0,
                    scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            Moments m = Imgproc.moments(small);
            double cx = m.m00 > 0 ? m.m10 / m.m00 : w / 2.0;
            double cy = m.m00 > 0 ? m.m01 / m.m00 : h / 2.0;
            map.put(0, 0, 1, 0, SIZE / 2.0 - cx);
            map.put(1, 0, 0, 1, SIZE / 2.0 - cy);
            Mat out = new Mat();
            Imgproc.warpAffine(small, out, map, new Size(SIZE, SIZE), Imgproc.INTER_LINEAR,
                    Core.BORDER_CONSTANT, Scalar.all(0));
            stretch(out);
            return out;
        } finally {
            mask.release();
            small.release();
            map.release();
        }
    }

    /** Scales the ink so that its strong core reaches 255, whatever the pen, the scan or the paper. */
    private static void stretch(Mat digit) {
        byte[] px = new byte[SIZE * SIZE];
        digit.get(0, 0, px);
        int core = DigitImage.strongInk(px);
        if (core > 0) {
            digit.convertTo(digit, CvType.CV_8UC1, 255.0 / core);
        }
    }
}
