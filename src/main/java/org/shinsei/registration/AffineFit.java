package org.shinsei.registration;

import java.util.List;

import org.shinsei.form.MmPoint;

/** The least-squares affine page-mm → scan-px through three or more point pairs. */
final class AffineFit {

    private AffineFit() {
    }

    static PageTransform fit(List<MmPoint> mm, List<double[]> px) {
        if (mm.size() != px.size() || mm.size() < 3) {
            throw new IllegalArgumentException("an affine needs at least three point pairs, got " + mm.size());
        }
        if (mm.size() == 3) {
            return PageTransform.fromThreePoints(mm.get(0), px.get(0), mm.get(1), px.get(1), mm.get(2), px.get(2));
        }
        // Normal equations (AᵀA) p = Aᵀb with rows [x y 1], solved once per output coordinate.
        double[][] ata = new double[3][3];
        double[] atx = new double[3];
        double[] aty = new double[3];
        for (int i = 0; i < mm.size(); i++) {
            double[] row = {mm.get(i).x(), mm.get(i).y(), 1};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    ata[r][c] += row[r] * row[c];
                }
                atx[r] += row[r] * px.get(i)[0];
                aty[r] += row[r] * px.get(i)[1];
            }
        }
        double[] abc = solve(ata, atx);
        double[] def = solve(ata, aty);
        return new PageTransform(abc[0], abc[1], abc[2], def[0], def[1], def[2]);
    }

    /** Largest residual of the fit, pixels. */
    static double maxResidual(PageTransform t, List<MmPoint> mm, List<double[]> px) {
        double max = 0;
        for (int i = 0; i < mm.size(); i++) {
            double[] p = t.toPixel(mm.get(i));
            max = Math.max(max, Math.hypot(p[0] - px.get(i)[0], p[1] - px.get(i)[1]));
        }
        return max;
    }

    /** Cramer's rule; the 3×3 system is well conditioned for points spread over a page. */
    private static double[] solve(double[][] m, double[] r) {
        double det = det(m);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("the points are collinear");
        }
        double[] out = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] mc = new double[3][];
            for (int i = 0; i < 3; i++) {
                mc[i] = m[i].clone();
                mc[i][col] = r[i];
            }
            out[col] = det(mc) / det;
        }
        return out;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
