package org.shinsei.fields;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

/**
 * A small convolutional network for one normalised 20×20 digit, trained and run in plain Java: the second opinion
 * beside the HOG + SVM. It sees the pixels and learns its own features, so its mistakes are mostly not the SVM's.
 *
 * <pre>
 * 20×20 → conv 5×5, 8 maps, ReLU → 16×16×8 → max-pool 2 → 8×8×8
 *       → conv 3×3, 16 maps, ReLU → 6×6×16 → max-pool 2 → 3×3×16 = 144
 *       → dense 64, ReLU → dense 10 → softmax
 * </pre>
 * About 100,000 multiply-adds a digit (~0.1 ms). These are the default widths ({@link Shape}); the model file
 * states its own. Training is plain mini-batch SGD with momentum, on one thread in a
 * fixed order with seeded initialisation and shuffling, and {@link StrictMath} for the exponentials, so the same data
 * give the same weights on every run. Immutable after training or loading; thread-safe.
 */
final class DigitCnn {

    static final int IN = DigitNormaliser.SIZE;
    private static final int K1 = 5;
    private static final int S1 = IN - K1 + 1; // 16
    private static final int P1 = S1 / 2; // 8
    private static final int K2 = 3;
    private static final int S2 = P1 - K2 + 1; // 6
    private static final int P2 = S2 / 2; // 3
    static final int CLASSES = 10;
    /**
     * The convolutions are computed over "wide" rows, at the stride of their input: output (y, x) sits at
     * {@code y·IN + x} and the columns past the output width are computed and dropped. Every weight then meets one
     * contiguous run of input, which the JIT vectorises, and every output still sums its products in the order of
     * the plain loops (bias, then channel, kernel row, kernel column), so the same bits.
     */
    private static final int WIDE1 = (S1 - 1) * IN + S1;
    private static final int WIDE2 = (S2 - 1) * P1 + S2;
    private static final int MAGIC_V1 = 0x434e4e31; // "CNN1": 8, 16, 64 implied
    private static final int MAGIC = 0x434e4e32; // "CNN2": widths in the header

    /** Widths: maps of the first and second convolution, units of the hidden layer. */
    record Shape(int maps1, int maps2, int hidden) {
        static final Shape SMALL = new Shape(8, 16, 64);
        static final Shape DEFAULT = SMALL;
    }

    /** Training settings. */
    record Params(int epochs, double rate, double decay, double momentum, int batch, double weightDecay) {
        static final Params DEFAULT = new Params(12, 0.03, 0.8, 0.9, 16, 1e-4);
    }

    private final int maps1;
    private final int maps2;
    private final int flat;
    private final int hidden;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] w3;
    private final float[] b3;
    private final float[] w4;
    private final float[] b4;

    private DigitCnn(Shape shape) {
        this.maps1 = shape.maps1();
        this.maps2 = shape.maps2();
        this.hidden = shape.hidden();
        this.flat = maps2 * P2 * P2;
        w1 = new float[maps1 * K1 * K1];
        b1 = new float[maps1];
        w2 = new float[maps2 * maps1 * K2 * K2];
        b2 = new float[maps2];
        w3 = new float[hidden * flat];
        b3 = new float[hidden];
        w4 = new float[CLASSES * hidden];
        b4 = new float[CLASSES];
    }

    Shape shape() {
        return new Shape(maps1, maps2, hidden);
    }

    private float[][] parameters() {
        return new float[][] {w1, b1, w2, b2, w3, b3, w4, b4};
    }

    /** Activations of one forward pass, kept for the backward pass. */
    private static final class Pass {
        final float[] in = new float[IN * IN];
        final float[] a1;
        final float[] p1;
        final int[] i1;
        final float[] a2;
        final float[] p2;
        final int[] i2;
        final float[] h;
        final double[] prob = new double[CLASSES];
        /** Running sums of the convolutions, one array per map, rows at the input's stride (see forward). */
        final float[][] sum1;
        final float[][] sum2;
        /** The input (or pooled maps) shifted by one kernel offset. */
        final float[] shifted1 = new float[WIDE1];
        final float[] shifted2 = new float[WIDE2];

        Pass(DigitCnn net) {
            sum1 = new float[net.maps1][WIDE1];
            sum2 = new float[net.maps2][WIDE2];
            a1 = new float[net.maps1 * S1 * S1];
            p1 = new float[net.maps1 * P1 * P1];
            i1 = new int[net.maps1 * P1 * P1];
            a2 = new float[net.maps2 * S2 * S2];
            p2 = new float[net.flat];
            i2 = new int[net.flat];
            h = new float[net.hidden];
        }
    }

    /** @param digit the {@value #IN}×{@value #IN} normalised digit as bytes 0..255, row by row */
    double[] probabilities(byte[] digit) {
        Pass p = new Pass(this);
        load(digit, p.in);
        forward(p);
        return p.prob;
    }

    static void load(byte[] digit, float[] in) {
        for (int i = 0; i < in.length; i++) {
            in[i] = (digit[i] & 0xff) / 255f;
        }
    }

    private void forward(Pass p) {
        // conv 1 + ReLU
        for (int m = 0; m < maps1; m++) {
            java.util.Arrays.fill(p.sum1[m], b1[m]);
        }
        for (int ky = 0; ky < K1; ky++) {
            for (int kx = 0; kx < K1; kx++) {
                float[] in = p.shifted1;
                System.arraycopy(p.in, ky * IN + kx, in, 0, WIDE1);
                for (int m = 0; m < maps1; m++) {
                    float w = w1[(m * K1 + ky) * K1 + kx];
                    float[] sum = p.sum1[m];
                    for (int i = 0; i < WIDE1; i++) {
                        sum[i] += w * in[i];
                    }
                }
            }
        }
        for (int m = 0; m < maps1; m++) {
            float[] sum = p.sum1[m];
            for (int y = 0; y < S1; y++) {
                for (int x = 0; x < S1; x++) {
                    float v = sum[y * IN + x];
                    p.a1[(m * S1 + y) * S1 + x] = v > 0 ? v : 0;
                }
            }
        }
        pool(p.a1, maps1, S1, p.p1, p.i1);
        // conv 2 + ReLU
        for (int m = 0; m < maps2; m++) {
            java.util.Arrays.fill(p.sum2[m], b2[m]);
        }
        for (int c = 0; c < maps1; c++) {
            for (int ky = 0; ky < K2; ky++) {
                for (int kx = 0; kx < K2; kx++) {
                    float[] in = p.shifted2;
                    System.arraycopy(p.p1, (c * P1 + ky) * P1 + kx, in, 0, WIDE2);
                    for (int m = 0; m < maps2; m++) {
                        float w = w2[((m * maps1 + c) * K2 + ky) * K2 + kx];
                        float[] sum = p.sum2[m];
                        for (int i = 0; i < WIDE2; i++) {
                            sum[i] += w * in[i];
                        }
                    }
                }
            }
        }
        for (int m = 0; m < maps2; m++) {
            float[] sum = p.sum2[m];
            for (int y = 0; y < S2; y++) {
                for (int x = 0; x < S2; x++) {
                    float v = sum[y * P1 + x];
                    p.a2[(m * S2 + y) * S2 + x] = v > 0 ? v : 0;
                }
            }
        }
        pool(p.a2, maps2, S2, p.p2, p.i2);
        for (int j = 0; j < hidden; j++) {
            float s = b3[j];
            int wo = j * flat;
            for (int i = 0; i < flat; i++) {
                s += w3[wo + i] * p.p2[i];
            }
            p.h[j] = s > 0 ? s : 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        double[] z = new double[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            float s = b4[k];
            int wo = k * hidden;
            for (int j = 0; j < hidden; j++) {
                s += w4[wo + j] * p.h[j];
            }
            z[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            p.prob[k] = StrictMath.exp(z[k] - max);
            sum += p.prob[k];
        }
        for (int k = 0; k < CLASSES; k++) {
            p.prob[k] /= sum;
        }
    }

    /** 2×2 max-pooling of {@code maps} maps of {@code size}², remembering where each maximum came from. */
    private static void pool(float[] a, int maps, int size, float[] out, int[] from) {
        int half = size / 2;
        for (int m = 0; m < maps; m++) {
            for (int y = 0; y < half; y++) {
                for (int x = 0; x < half; x++) {
                    int best = (m * size + 2 * y) * size + 2 * x;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int i = (m * size + 2 * y + dy) * size + 2 * x + dx;
                            if (a[i] > a[best]) {
                                best = i;
                            }
                        }
                    }
                    int o = (m * half + y) * half + x;
                    out[o] = a[best];
                    from[o] = best;
                }
            }
        }
    }

    /** Adds the gradient of the cross-entropy loss of one sample to {@code g} (same layout as the parameters). */
    private void backward(Pass p, int label, float[][] g) {
        float[] g1 = g[0];
        float[] gb1 = g[1];
        float[] g2 = g[2];
        float[] gb2 = g[3];
        float[] g3 = g[4];
        float[] gb3 = g[5];
        float[] g4 = g[6];
        float[] gb4 = g[7];
        float[] dOut = new float[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            dOut[k] = (float) (p.prob[k] - (k == label ? 1 : 0));
        }
        float[] dh = new float[hidden];
        for (int k = 0; k < CLASSES; k++) {
            float d = dOut[k];
            gb4[k] += d;
            int wo = k * hidden;
            for (int j = 0; j < hidden; j++) {
                g4[wo + j] += d * p.h[j];
                dh[j] += d * w4[wo + j];
            }
        }
        float[] dp2 = new float[flat];
        for (int j = 0; j < hidden; j++) {
            if (p.h[j] <= 0) {
                continue;
            }
            float d = dh[j];
            gb3[j] += d;
            int wo = j * flat;
            for (int i = 0; i < flat; i++) {
                g3[wo + i] += d * p.p2[i];
                dp2[i] += d * w3[wo + i];
            }
        }
        float[] da2 = new float[maps2 * S2 * S2];
        for (int i = 0; i < flat; i++) {
            if (p.a2[p.i2[i]] > 0) {
                da2[p.i2[i]] += dp2[i];
            }
        }
        float[] dp1 = new float[maps1 * P1 * P1];
        for (int m = 0; m < maps2; m++) {
            for (int y = 0; y < S2; y++) {
                for (int x = 0; x < S2; x++) {
                    float d = da2[(m * S2 + y) * S2 + x];
                    if (d == 0) {
                        continue;
                    }
                    gb2[m] += d;
                    for (int c = 0; c < maps1; c++) {
                        int wo = (m * maps1 + c) * K2 * K2;
                        for (int ky = 0; ky < K2; ky++) {
                            int row = (c * P1 + y + ky) * P1 + x;
                            for (int kx = 0; kx < K2; kx++) {
                                g2[wo + ky * K2 + kx] += d * p.p1[row + kx];
                                dp1[row + kx] += d * w2[wo + ky * K2 + kx];
                            }
                        }
                    }
                }
            }
        }
        float[] da1 = new float[maps1 * S1 * S1];
        for (int i = 0; i < dp1.length; i++) {
            if (p.a1[p.i1[i]] > 0) {
                da1[p.i1[i]] += dp1[i];
            }
        }
        for (int m = 0; m < maps1; m++) {
            int wo = m * K1 * K1;
            for (int y = 0; y < S1; y++) {
                for (int x = 0; x < S1; x++) {
                    float d = da1[(m * S1 + y) * S1 + x];
                    if (d == 0) {
                        continue;
                    }
                    gb1[m] += d;
                    for (int ky = 0; ky < K1; ky++) {
                        int row = (y + ky) * IN + x;
                        int wr = wo + ky * K1;
                        for (int kx = 0; kx < K1; kx++) {
                            g1[wr + kx] += d * p.in[row + kx];
                        }
                    }
                }
            }
        }
    }

    /**
     * @param x      normalised digits, {@value #IN}² bytes each
     * @param labels their digits
     * @param log    receives one line per epoch (training loss and error), may be null
     */
    static DigitCnn train(byte[][] x, int[] labels, Shape shape, Params params, long seed,
                          java.util.function.Consumer<String> log) {
        DigitCnn net = new DigitCnn(shape);
        Random rnd = new Random(seed);
        init(net.w1, K1 * K1, rnd);
        init(net.w2, net.maps1 * K2 * K2, rnd);
        init(net.w3, net.flat, rnd);
        init(net.w4, net.hidden, rnd);
        float[][] params_ = net.parameters();
        float[][] grad = new float[params_.length][];
        float[][] velocity = new float[params_.length][];
        for (int i = 0; i < params_.length; i++) {
            grad[i] = new float[params_[i].length];
            velocity[i] = new float[params_[i].length];
        }
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Pass pass = new Pass(net);
        double rate = params.rate();
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double loss = 0;
            int wrong = 0;
            for (int start = 0; start < order.length; start += params.batch()) {
                int end = Math.min(order.length, start + params.batch());
                for (float[] g : grad) {
                    java.util.Arrays.fill(g, 0);
                }
                for (int b = start; b < end; b++) {
                    int s = order[b];
                    load(x[s], pass.in);
                    net.forward(pass);
                    loss -= StrictMath.log(Math.max(1e-12, pass.prob[labels[s]]));
                    if (argmax(pass.prob) != labels[s]) {
                        wrong++;
                    }
                    net.backward(pass, labels[s], grad);
                }
                float step = (float) (rate / (end - start));
                float decay = (float) (rate * params.weightDecay());
                for (int i = 0; i < params_.length; i++) {
                    float[] w = params_[i];
                    float[] g = grad[i];
                    float[] v = velocity[i];
                    boolean weights = i % 2 == 0;
                    for (int k = 0; k < w.length; k++) {
                        v[k] = (float) params.momentum() * v[k] - step * g[k] - (weights ? decay * w[k] : 0);
                        w[k] += v[k];
                    }
                }
            }
            if (log != null) {
                log.accept(String.format(java.util.Locale.ROOT, "  cnn epoch %d: rate %.4f, loss %.4f, training error %.2f%%",
                        epoch + 1, rate, loss / x.length, 100.0 * wrong / x.length));
            }
            rate *= params.decay();
        }
        return net;
    }

    /** He initialisation, seeded. */
    private static void init(float[] w, int fanIn, Random rnd) {
        double sd = StrictMath.sqrt(2.0 / fanIn);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rnd.nextGaussian() * sd);
        }
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(maps1);
        d.writeInt(maps2);
        d.writeInt(hidden);
        for (float[] w : parameters()) {
            d.writeInt(w.length);
            for (float v : w) {
                d.writeFloat(v);
            }
        }
        d.flush();
    }

    static DigitCnn read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int magic = d.readInt();
        Shape shape;
        if (magic == MAGIC) {
            shape = new Shape(d.readInt(), d.readInt(), d.readInt());
        } else if (magic == MAGIC_V1) {
            shape = Shape.SMALL;
        } else {
            throw new IOException("not a digit CNN model");
        }
        DigitCnn net = new DigitCnn(shape);
        for (float[] w : net.parameters()) {
            int n = d.readInt();
            if (n != w.length) {
                throw new IOException("digit CNN layer of " + n + " weights, expected " + w.length);
            }
            for (int i = 0; i < n; i++) {
                w[i] = d.readFloat();
            }
        }
        return net;
    }
}
