package org.shinsei.fields;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The baseline reader's network (issue 4, kept in the tests only to be compared with the digit network of
 * training/digits; its trainer is retired): a small convolutional network for one normalised 20×20 digit, trained
 * and run in plain Java, the second opinion beside the HOG + SVM. It sees the pixels and learns its own features, so its mistakes are mostly not the SVM's.
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

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
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
