package org.shinsei.fields;

import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Makes plausible variants of a training cell, the way other hands and other scans would show it: a small
 * rotation, shear and change of aspect, a thinner or thicker stroke, a pen of uniform strength instead of
 * MNIST's soft edges, and a coarser or blurred scan. Works at three times the cell's resolution so that a
 * one-pixel change of stroke is a third of a training pixel. Deterministic for a given {@link Random}.
 */
final class DigitAugmenter {

    private static final int UP = 3;

    private DigitAugmenter() {
    }

    /** @return a new image, ink bright on black, at {@code UP} times the cell's size (not normalised) */
    static Mat variant(Mat cell, int digit, Random rnd) {
        return variant(cell, digit, rnd, false);
    }

    /**
     * @param elastic also bend the strokes by a smooth random displacement field (Simard et al., 2003), the way
     *                one hand's loops and curves differ from another's; the SVM's variants are made without it,
     *                the network's with it
     */
    static Mat variant(Mat cell, int digit, Random rnd, boolean elastic) {
        int n = cell.rows() * UP;
        Mat big = new Mat();
        Imgproc.resize(cell, big, new Size(n, n), 0, 0, Imgproc.INTER_CUBIC);
        if (digit == 1 && rnd.nextDouble() < 0.5) {
            japaneseOne(big, rnd);
        }
        if (elastic && rnd.nextDouble() < 0.7) {
            elastic(big, rnd);
        }
        warp(big, rnd);
        thickness(big, rnd);
        if (rnd.nextDouble() < 0.35) {
            // a ballpoint: every stroke pixel equally dark, hard edges
            Imgproc.threshold(big, big, 60 + rnd.nextInt(80), 255, Imgproc.THRESH_BINARY);
        }
        if (rnd.nextDouble() < 0.4) {
            // a coarse scan: the digit seen at 12–20 px tall, then blurred by the optics
            double s = 0.2 + rnd.nextDouble() * 0.15;
            Mat small = new Mat();
            Imgproc.resize(big, small, new Size(), s, s, Imgproc.INTER_AREA);
            Imgproc.resize(small, big, new Size(n, n), 0, 0, Imgproc.INTER_LINEAR);
            small.release();
        }
        if (rnd.nextDouble() < 0.3) {
            Imgproc.GaussianBlur(big, big, new Size(0, 0), 0.8 + rnd.nextDouble() * 1.2);
        }
        return big;
    }

    /**
     * The 1 as it is taught in Japan (and much of Europe): a flag from the top of the stroke down to the left,
     * sometimes a foot. MNIST's ones are mostly bare strokes, so without this a flagged 1 reads as a 1 with low
     * confidence and every 11月 goes to a person.
     */
    private static void japaneseOne(Mat big, Random rnd) {
        Mat points = new Mat();
        Mat ink = thresholded(big);
        Core.findNonZero(ink, points);
        ink.release();
        if (points.empty()) {
            points.release();
            return;
        }
        org.opencv.core.Rect box = Imgproc.boundingRect(points);
        points.release();
        int n = big.rows();
        int stroke = Math.max(3, (int) Math.round(n * (0.06 + rnd.nextDouble() * 0.04)));
        // the top of the stroke: the middle of the topmost ink row
        org.opencv.core.Point top = new org.opencv.core.Point(box.x + box.width / 2.0, box.y + stroke / 2.0);
        double len = box.height * (0.22 + rnd.nextDouble() * 0.18);
        double angle = Math.toRadians(200 + rnd.nextDouble() * 30); // down and to the left
        org.opencv.core.Point end = new org.opencv.core.Point(top.x + len * StrictMath.cos(angle),
                top.y - len * StrictMath.sin(angle));
        Imgproc.line(big, top, end, Scalar.all(255), stroke, Imgproc.LINE_AA);
        if (rnd.nextDouble() < 0.25) {
            double half = box.height * (0.15 + rnd.nextDouble() * 0.1);
            double y = box.y + box.height - stroke / 2.0;
            Imgproc.line(big, new org.opencv.core.Point(top.x - half, y), new org.opencv.core.Point(top.x + half, y),
                    Scalar.all(255), stroke, Imgproc.LINE_AA);
        }
    }

    /** Displaces every pixel by a random field smoothed over ~a sixth of the cell, up to ~1 training pixel. */
    private static void elastic(Mat big, Random rnd) {
        int n = big.rows();
        double sigma = n / 10.0;
        double alpha = n * (1.0 + rnd.nextDouble() * 0.8);
        Mat dx = field(n, rnd, sigma, alpha);
        Mat dy = field(n, rnd, sigma, alpha);
        float[] fx = new float[n * n];
        float[] fy = new float[n * n];
        dx.get(0, 0, fx);
        dy.get(0, 0, fy);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                fx[y * n + x] += x;
                fy[y * n + x] += y;
            }
        }
        dx.put(0, 0, fx);
        dy.put(0, 0, fy);
        Mat out = new Mat();
        Imgproc.remap(big, out, dx, dy, Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, Scalar.all(0));
        out.copyTo(big);
        out.release();
        dx.release();
        dy.release();
    }

    private static Mat field(int n, Random rnd, double sigma, double alpha) {
        float[] v = new float[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        Mat m = new Mat(n, n, CvType.CV_32F);
        m.put(0, 0, v);
        Imgproc.GaussianBlur(m, m, new Size(0, 0), sigma);
        Core.multiply(m, Scalar.all(alpha), m);
        return m;
    }

    private static Mat thresholded(Mat big) {
        Mat t = new Mat();
        Imgproc.threshold(big, t, 100, 255, Imgproc.THRESH_BINARY);
        return t;
    }

    private static void warp(Mat big, Random rnd) {
        double c = big.cols() / 2.0;
        double angle = Math.toRadians((rnd.nextDouble() * 2 - 1) * 10);
        double shear = (rnd.nextDouble() * 2 - 1) * 0.2;
        double sx = 0.85 + rnd.nextDouble() * 0.3;
        // StrictMath: Math.sin/cos may differ in the last bit between interpreted and compiled code, which made
        // two training runs give slightly different models
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        // A = R(angle) · Shear · diag(sx, 1), about the centre
        double a = cos * sx;
        double b = cos * shear - sin;
        double d = sin * sx;
        double e = sin * shear + cos;
        Mat m = new Mat(2, 3, CvType.CV_64F);
        m.put(0, 0, a, b, c - a * c - b * c);
        m.put(1, 0, d, e, c - d * c - e * c);
        Imgproc.warpAffine(big, big, m, big.size(), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, Scalar.all(0));
        m.release();
    }

    private static void thickness(Mat big, Random rnd) {
        int t = rnd.nextInt(4) - 1;
        if (t == 0) {
            return;
        }
        int k = 2 * Math.abs(t) + 1;
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(k, k));
        if (t > 0) {
            Imgproc.dilate(big, big, kernel);
        } else {
            Imgproc.erode(big, big, kernel);
        }
        kernel.release();
    }
}
