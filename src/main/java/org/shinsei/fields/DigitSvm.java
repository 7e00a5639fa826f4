package org.shinsei.fields;

import org.opencv.core.Mat;
import org.opencv.ml.SVM;

/**
 * A trained ten-class RBF support-vector machine, evaluated in Java so that the pairwise decision values are
 * visible: OpenCV's {@code predict} only reports the winning class of its one-against-one vote, while the
 * confidence of a digit lives in how far the winner beat its closest rival. Immutable and thread-safe.
 */
final class DigitSvm {

    static final int CLASSES = 10;

    private final int count;
    private final int length;
    /**
     * The support vectors feature-major: {@code byFeature[j][v]} is feature j of vector v. The kernel loop then runs
     * over vectors, one feature at a time, with no reduction in it, so the JIT vectorises it, while every vector still
     * gets exactly the sums, in exactly the order, of {@link #squaredDistance}.
     */
    private final float[][] byFeature;
    private final double gamma;
    private final double[][] alpha;
    private final int[][] index;
    private final double[] rho;

    private DigitSvm(float[][] supportVectors, double gamma, double[][] alpha, int[][] index, double[] rho) {
        this.count = supportVectors.length;
        this.length = count == 0 ? 0 : supportVectors[0].length;
        this.byFeature = new float[length][count];
        for (int v = 0; v < count; v++) {
            if (supportVectors[v].length != length) {
                throw new IllegalArgumentException("support vectors of different lengths");
            }
            for (int j = 0; j < length; j++) {
                byFeature[j][v] = supportVectors[v][j];
            }
        }
        this.gamma = gamma;
        this.alpha = alpha;
        this.index = index;
        this.rho = rho;
    }

    /** Copies what prediction needs out of a trained or loaded OpenCV model (classes labelled 0..9). */
    static DigitSvm of(SVM svm) {
        if (svm.getKernelType() != SVM.RBF || svm.getType() != SVM.C_SVC) {
            throw new IllegalArgumentException("the digit model must be a C-SVC with an RBF kernel");
        }
        Mat sv = svm.getSupportVectors();
        float[][] vectors = new float[sv.rows()][sv.cols()];
        for (int r = 0; r < sv.rows(); r++) {
            sv.get(r, 0, vectors[r]);
        }
        sv.release();
        int pairs = CLASSES * (CLASSES - 1) / 2;
        double[][] alpha = new double[pairs][];
        int[][] index = new int[pairs][];
        double[] rho = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            Mat a = new Mat();
            Mat idx = new Mat();
            rho[p] = svm.getDecisionFunction(p, a, idx);
            alpha[p] = new double[(int) a.total()];
            a.get(0, 0, alpha[p]);
            index[p] = new int[(int) idx.total()];
            idx.get(0, 0, index[p]);
            a.release();
            idx.release();
        }
        return new DigitSvm(vectors, svm.getGamma(), alpha, index, rho);
    }

    int supportVectorCount() {
        return count;
    }

    /** The one-against-one vote, exactly as OpenCV's predict counts it, with the winner's margins. */
    DigitScores score(float[] x) {
        if (x.length != length) {
            throw new IllegalArgumentException("features of length " + x.length + ", the model has " + length);
        }
        double[] k = kernel(x);
        double[][] decision = new double[CLASSES][CLASSES];
        int[] votes = new int[CLASSES];
        int p = 0;
        for (int i = 0; i < CLASSES; i++) {
            for (int j = i + 1; j < CLASSES; j++, p++) {
                double sum = -rho[p];
                for (int s = 0; s < index[p].length; s++) {
                    sum += alpha[p][s] * k[index[p][s]];
                }
                decision[i][j] = sum;
                decision[j][i] = -sum;
                votes[sum > 0 ? i : j]++;
            }
        }
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        double margin = Double.POSITIVE_INFINITY;
        int rival = -1;
        for (int c = 0; c < CLASSES; c++) {
            if (c != best && decision[best][c] < margin) {
                margin = decision[best][c];
                rival = c;
            }
        }
        return new DigitScores(best, rival, margin, votes[best]);
    }

    /**
     * The RBF kernel of {@code x} with every support vector. Per vector the same float operations in the same order
     * as {@link #squaredDistance} (four running sums over features j ≡ 0, 1, 2, 3 mod 4, the rest into the first),
     * so the same bits, only many vectors at a time.
     */
    private double[] kernel(float[] x) {
        // sums[r] collects the features j with j % 4 == r (the tail past the last full four goes to sums[0])
        float[][] sums = new float[4][count];
        int n = length;
        int tail = n - n % 4;
        for (int j = 0; j < n; j++) {
            float xj = x[j];
            float[] v = byFeature[j];
            float[] sum = sums[j < tail ? j % 4 : 0];
            for (int s = 0; s < sum.length; s++) {
                float t = xj - v[s];
                sum[s] += t * t;
            }
        }
        float[] a0 = sums[0];
        float[] a1 = sums[1];
        float[] a2 = sums[2];
        float[] a3 = sums[3];
        double[] k = new double[count];
        for (int s = 0; s < count; s++) {
            double d = (double) a0[s] + a1[s] + a2[s] + a3[s];
            // StrictMath: the same margin on every run and machine, so a replayed batch decides the same way
            k[s] = StrictMath.exp(-gamma * d);
        }
        return k;
    }

    /**
     * The kernel's squared distance, in float with four independent sums (the loop that costs: support vectors
     * times features for every digit). A fixed order of operations, so the same value on every run.
     */
    static double squaredDistance(float[] x, float[] v) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int n = v.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            float t0 = x[j] - v[j];
            float t1 = x[j + 1] - v[j + 1];
            float t2 = x[j + 2] - v[j + 2];
            float t3 = x[j + 3] - v[j + 3];
            a0 += t0 * t0;
            a1 += t1 * t1;
            a2 += t2 * t2;
            a3 += t3 * t3;
        }
        for (; j < n; j++) {
            float t = x[j] - v[j];
            a0 += t * t;
        }
        return (double) a0 + a1 + a2 + a3;
    }

    /**
     * @param digit  the class with most pairwise wins
     * @param rival  the class it beat by the least
     * @param margin the decision value of digit against rival (negative when the rival won that duel)
     * @param votes  pairwise wins of {@code digit}, 9 when it beat every other class
     */
    record DigitScores(int digit, int rival, double margin, int votes) {
    }
}
