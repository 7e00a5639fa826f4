package org.shinsei.registration;

import org.opencv.core.Mat;
import org.opencv.core.CvType;
import org.shinsei.form.MmPoint;

/**
 * The affine map from printed-page millimetres to scan pixels: {@code px = a·x + b·y + c, py = d·x + e·y + f}.
 * Covers orientation (0/90/180/270), skew, shift and scale in one place.
 */
public record PageTransform(double a, double b, double c, double d, double e, double f) {

    public double[] toPixel(double xMm, double yMm) {
        return new double[] {a * xMm + b * yMm + c, d * xMm + e * yMm + f};
    }

    public double[] toPixel(MmPoint p) {
        return toPixel(p.x(), p.y());
    }

    public double[] toMm(double px, double py) {
        double det = a * e - b * d;
        double x = px - c;
        double y = py - f;
        return new double[] {(e * x - b * y) / det, (-d * x + a * y) / det};
    }

    /** Pixels per millimetre along the page's x axis. */
    public double scaleX() {
        return Math.hypot(a, d);
    }

    /** Pixels per millimetre along the page's y axis. */
    public double scaleY() {
        return Math.hypot(b, e);
    }

    /** Direction of the page's x axis in the image, degrees counter-clockwise-positive in image coordinates (y down). */
    public double rotationDeg() {
        return Math.toDegrees(Math.atan2(d, a));
    }

    /** The transform from an output crop (u, v pixels at pxPerMm, origin at (x0, y0) mm) to scan pixels. */
    public Mat cropMap(double x0Mm, double y0Mm, double pxPerMm) {
        Mat m = new Mat(2, 3, CvType.CV_64F);
        double s = 1.0 / pxPerMm;
        m.put(0, 0, a * s, b * s, a * x0Mm + b * y0Mm + c);
        m.put(1, 0, d * s, e * s, d * x0Mm + e * y0Mm + f);
        return m;
    }

    /**
     * The exact affine through three point pairs (page mm → image px).
     */
    public static PageTransform fromThreePoints(MmPoint m0, double[] p0, MmPoint m1, double[] p1, MmPoint m2, double[] p2) {
        // Solve [x y 1] * [a d; b e; c f] = [px py] for the three pairs.
        double[][] m = {{m0.x(), m0.y(), 1}, {m1.x(), m1.y(), 1}, {m2.x(), m2.y(), 1}};
        double[] abc = solve3(m, new double[] {p0[0], p1[0], p2[0]});
        double[] def = solve3(m, new double[] {p0[1], p1[1], p2[1]});
        return new PageTransform(abc[0], abc[1], abc[2], def[0], def[1], def[2]);
    }

    private static double[] solve3(double[][] m, double[] r) {
        double det = det3(m);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("the three points are collinear");
        }
        double[] out = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] mc = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    mc[i][j] = j == col ? r[i] : m[i][j];
                }
            }
            out[col] = det3(mc) / det;
        }
        return out;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
