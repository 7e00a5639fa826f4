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
 *       → conv 3×3, 16 maps, ReLU → 6×6×16 [→ conv 3×3, maps3, ReLU → 4×4×maps3] → max-pool 2 → 3×3×16 = 144
 *         (2×2×maps3 with the third convolution)
 *       → dense 64, ReLU → dense 10 → softmax
 * </pre>
 * About 100,000 multiply-adds a digit (~0.04 ms). These are the default widths ({@link Shape}); the optional third
 * convolution is off by default; the model file states its own. Training is plain mini-batch SGD with momentum, on
 * one thread in a fixed order with seeded initialisation and shuffling, and {@link StrictMath} for the exponentials,
 * so the same data give the same weights on every run. Immutable after training or loading; thread-safe.
 */
final class DigitCnn {

    static final int IN = DigitNormaliser.SIZE;
    private static final int K1 = 5;
    private static final int P1 = (IN - K1 + 1) / 2; // 8
    private static final int K2 = 3;
    static final int CLASSES = 10;
    private static final int MAGIC_V1 = 0x434e4e31; // "CNN1": 8, 16, 64 implied
    private static final int MAGIC_V2 = 0x434e4e32; // "CNN2": three widths in the header
    private static final int MAGIC = 0x434e4e33; // "CNN3": four widths (maps3 0: no third convolution)

    /**
     * Widths: maps of the first and second convolution, units of the hidden layer, and maps of an optional third
     * 3×3 convolution after the second (0: none).
     */
    record Shape(int maps1, int maps2, int hidden, int maps3) {
        static final Shape SMALL = new Shape(8, 16, 64);
        static final Shape DEFAULT = SMALL;

        Shape(int maps1, int maps2, int hidden) {
            this(maps1, maps2, hidden, 0);
        }
    }

    /**
     * Training settings. {@code dropout}: the share of the hidden layer's units silenced for each training digit
     * (inverted dropout, nothing at inference); {@code smoothing}: label smoothing, the share of the target spread
     * evenly over the ten classes. Both 0 give exactly the old training.
     */
    record Params(int epochs, double rate, double decay, double momentum, int batch, double weightDecay,
                  double dropout, double smoothing) {
        static final Params DEFAULT = new Params(12, 0.03, 0.8, 0.9, 16, 1e-4);

        Params(int epochs, double rate, double decay, double momentum, int batch, double weightDecay) {
            this(epochs, rate, decay, momentum, batch, weightDecay, 0, 0);
        }
    }

    private final Shape shape;
    private final DigitConv conv1;
    private final DigitConv conv2;
    /** null without a third convolution */
    private final DigitConv conv3;
    /** the last convolution, the one pooled into the dense layer */
    private final DigitConv last;
    private final int p2;
    private final int flat;
    private final int hidden;
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] wc3;
    private final float[] bc3;
    private final float[] w3;
    private final float[] b3;
    private final float[] w4;
    private final float[] b4;

    private DigitCnn(Shape shape) {
        this.shape = shape;
        conv1 = new DigitConv(1, IN, K1, shape.maps1());
        conv2 = new DigitConv(shape.maps1(), P1, K2, shape.maps2());
        conv3 = shape.maps3() > 0 ? new DigitConv(shape.maps2(), conv2.outSize(), K2, shape.maps3()) : null;
        last = conv3 != null ? conv3 : conv2;
        this.hidden = shape.hidden();
        this.p2 = last.outSize() / 2;
        this.flat = last.outMaps() * p2 * p2;
        w1 = new float[conv1.weights()];
        b1 = new float[conv1.outMaps()];
        w2 = new float[conv2.weights()];
        b2 = new float[conv2.outMaps()];
        wc3 = new float[conv3 != null ? conv3.weights() : 0];
        bc3 = new float[conv3 != null ? conv3.outMaps() : 0];
        w3 = new float[hidden * flat];
        b3 = new float[hidden];
        w4 = new float[CLASSES * hidden];
        b4 = new float[CLASSES];
    }

    Shape shape() {
        return shape;
    }

    /** Weights and biases in pairs, in the file's order (the third convolution's only when there is one). */
    private float[][] parameters() {
        return conv3 != null ? new float[][] {w1, b1, w2, b2, wc3, bc3, w3, b3, w4, b4}
                : new float[][] {w1, b1, w2, b2, w3, b3, w4, b4};
    }

    /** Activations of one forward pass, kept for the backward pass. */
    private static final class Pass {
        final float[] in = new float[IN * IN];
        final float[] a1;
        final float[] p1;
        final int[] i1;
        final float[] a2;
        /** the third convolution's maps (empty without one) */
        final float[] a3;
        final float[] p2;
        final int[] i2;
        final float[] h;
        /** Per hidden unit: 0 if dropped for this training digit, else the inverted-dropout scale (1 at inference). */
        final float[] keep;
        final double[] prob = new double[CLASSES];
        /** Running sums and shifted inputs of the convolutions (see {@link DigitConv#forward}). */
        final float[][] sum1;
        final float[][] sum2;
        final float[][] sum3;
        final float[] shifted1;
        final float[] shifted2;
        final float[] shifted3;

        Pass(DigitCnn net) {
            DigitConv c3 = net.conv3 != null ? net.conv3 : new DigitConv(0, 0, 0, 0);
            sum1 = new float[net.conv1.outMaps()][net.conv1.wide()];
            sum2 = new float[net.conv2.outMaps()][net.conv2.wide()];
            sum3 = new float[c3.outMaps()][Math.max(0, c3.wide())];
            shifted1 = new float[net.conv1.wide()];
            shifted2 = new float[net.conv2.wide()];
            shifted3 = new float[Math.max(0, c3.wide())];
            a1 = new float[net.conv1.outMaps() * net.conv1.outSize() * net.conv1.outSize()];
            p1 = new float[net.conv1.outMaps() * P1 * P1];
            i1 = new int[p1.length];
            a2 = new float[net.conv2.outMaps() * net.conv2.outSize() * net.conv2.outSize()];
            a3 = new float[c3.outMaps() * Math.max(0, c3.outSize()) * Math.max(0, c3.outSize())];
            p2 = new float[net.flat];
            i2 = new int[net.flat];
            h = new float[net.hidden];
            keep = new float[net.hidden];
            java.util.Arrays.fill(keep, 1f);
        }

        /** The maps of the last convolution (the pooled ones). */
        float[] last(DigitCnn net) {
            return net.conv3 != null ? a3 : a2;
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
        conv1.forward(p.in, w1, b1, p.sum1, p.shifted1, p.a1);
        DigitConv.pool(p.a1, conv1.outMaps(), conv1.outSize(), p.p1, p.i1);
        conv2.forward(p.p1, w2, b2, p.sum2, p.shifted2, p.a2);
        if (conv3 != null) {
            conv3.forward(p.a2, wc3, bc3, p.sum3, p.shifted3, p.a3);
        }
        DigitConv.pool(p.last(this), last.outMaps(), last.outSize(), p.p2, p.i2);
        for (int j = 0; j < hidden; j++) {
            float s = b3[j];
            int wo = j * flat;
            for (int i = 0; i < flat; i++) {
                s += w3[wo + i] * p.p2[i];
            }
            p.h[j] = s > 0 ? s * p.keep[j] : 0;
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

    /** Adds the gradient of the cross-entropy loss of one sample to {@code g} (same layout as the parameters). */
    private void backward(Pass p, int label, double smoothing, float[][] g) {
        int n = g.length;
        float[] g3 = g[n - 4];
        float[] gb3 = g[n - 3];
        float[] g4 = g[n - 2];
        float[] gb4 = g[n - 1];
        float[] dOut = new float[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            double target = (k == label ? 1 - smoothing : 0) + smoothing / CLASSES;
            dOut[k] = (float) (p.prob[k] - target);
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
            float d = dh[j] * p.keep[j];
            gb3[j] += d;
            int wo = j * flat;
            for (int i = 0; i < flat; i++) {
                g3[wo + i] += d * p.p2[i];
                dp2[i] += d * w3[wo + i];
            }
        }
        float[] last = p.last(this);
        float[] dLast = new float[last.length];
        DigitConv.unpool(dp2, p.i2, last, dLast);
        float[] da2 = dLast;
        if (conv3 != null) {
            float[] dp = new float[p.a2.length];
            conv3.backward(p.a2, wc3, dLast, g[4], g[5], dp);
            da2 = new float[p.a2.length];
            for (int i = 0; i < dp.length; i++) {
                if (p.a2[i] > 0) {
                    da2[i] = dp[i];
                }
            }
        }
        float[] dp1 = new float[p.p1.length];
        conv2.backward(p.p1, w2, da2, g[2], g[3], dp1);
        float[] da1 = new float[p.a1.length];
        DigitConv.unpool(dp1, p.i1, p.a1, da1);
        conv1.backward(p.in, w1, da1, g[0], g[1], null);
    }

    /**
     * @param x      normalised digits, {@value #IN}² bytes each
     * @param labels their digits
     * @param log    receives one line per epoch (training loss and error), may be null
     */
    static DigitCnn train(byte[][] x, int[] labels, Shape shape, Params params, long seed,
                          java.util.function.Consumer<String> log) {
        return train(epoch -> x, labels, shape, params, seed, log);
    }

    /**
     * @param data   the digits of each epoch (the same count and labels every epoch, e.g. freshly distorted
     *               variants of the same cells), {@value #IN}² bytes each
     */
    static DigitCnn train(java.util.function.IntFunction<byte[][]> data, int[] labels, Shape shape, Params params,
                          long seed, java.util.function.Consumer<String> log) {
        DigitCnn net = new DigitCnn(shape);
        // its own stream, so that training without dropout draws exactly what it always drew
        Random dropping = new Random(seed ^ 0x5DEECE66DL);
        float scale = (float) (1 / (1 - params.dropout()));
        Random rnd = new Random(seed);
        init(net.w1, K1 * K1, rnd);
        init(net.w2, net.conv2.inMaps() * K2 * K2, rnd);
        if (net.conv3 != null) {
            init(net.wc3, net.conv3.inMaps() * K2 * K2, rnd);
        }
        init(net.w3, net.flat, rnd);
        init(net.w4, net.hidden, rnd);
        float[][] params_ = net.parameters();
        float[][] grad = new float[params_.length][];
        float[][] velocity = new float[params_.length][];
        for (int i = 0; i < params_.length; i++) {
            grad[i] = new float[params_[i].length];
            velocity[i] = new float[params_[i].length];
        }
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Pass pass = new Pass(net);
        double rate = params.rate();
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            byte[][] x = data.apply(epoch);
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
                    if (params.dropout() > 0) {
                        for (int j = 0; j < pass.keep.length; j++) {
                            pass.keep[j] = dropping.nextDouble() < params.dropout() ? 0 : scale;
                        }
                    }
                    net.forward(pass);
                    loss -= StrictMath.log(Math.max(1e-12, pass.prob[labels[s]]));
                    if (argmax(pass.prob) != labels[s]) {
                        wrong++;
                    }
                    net.backward(pass, labels[s], params.smoothing(), grad);
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
        d.writeInt(shape.maps3() > 0 ? MAGIC : MAGIC_V2);
        d.writeInt(shape.maps1());
        d.writeInt(shape.maps2());
        d.writeInt(shape.hidden());
        if (shape.maps3() > 0) {
            d.writeInt(shape.maps3());
        }
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
            shape = new Shape(d.readInt(), d.readInt(), d.readInt(), d.readInt());
        } else if (magic == MAGIC_V2) {
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
