package org.shinsei.fields;

import java.util.Arrays;

/**
 * One convolution of {@link DigitCnn}: square maps in, {@code k}×{@code k} kernels, no padding, stride 1, ReLU. The
 * weights are the network's ({@code [out][in][ky][kx]}); this class only knows the sizes and the loops.
 *
 * <p>The forward pass is computed over "wide" rows, at the stride of its input: output (y, x) sits at
 * {@code y·inSize + x} and the columns past the output width are computed and dropped. Every weight then meets one
 * contiguous run of input, which the JIT vectorises, and every output still sums its products in the order of the
 * plain loops (bias, then channel, kernel row, kernel column), so the same bits.
 */
record DigitConv(int inMaps, int inSize, int k, int outMaps) {

    int outSize() {
        return inSize - k + 1;
    }

    int weights() {
        return outMaps * inMaps * k * k;
    }

    /** Length of a wide row-run of one output map (see the class comment). */
    int wide() {
        return (outSize() - 1) * inSize + outSize();
    }

    /**
     * @param sum     scratch, {@code [outMaps][wide()]}
     * @param shifted scratch, {@code wide()}
     * @param out     the ReLU'd maps, {@code outMaps·outSize²}
     */
    void forward(float[] in, float[] w, float[] b, float[][] sum, float[] shifted, float[] out) {
        int wide = wide();
        for (int m = 0; m < outMaps; m++) {
            Arrays.fill(sum[m], b[m]);
        }
        for (int c = 0; c < inMaps; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    System.arraycopy(in, (c * inSize + ky) * inSize + kx, shifted, 0, wide);
                    for (int m = 0; m < outMaps; m++) {
                        float wt = w[((m * inMaps + c) * k + ky) * k + kx];
                        float[] s = sum[m];
                        for (int i = 0; i < wide; i++) {
                            s[i] += wt * shifted[i];
                        }
                    }
                }
            }
        }
        int size = outSize();
        for (int m = 0; m < outMaps; m++) {
            float[] s = sum[m];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float v = s[y * inSize + x];
                    out[(m * size + y) * size + x] = v > 0 ? v : 0;
                }
            }
        }
    }

    /**
     * Adds the gradients of one sample.
     *
     * @param dOut the loss's gradient at the outputs before the ReLU (zero where the ReLU was off)
     * @param dIn  receives the gradient at the inputs, or null when nobody needs it (the first layer)
     */
    void backward(float[] in, float[] w, float[] dOut, float[] gw, float[] gb, float[] dIn) {
        int size = outSize();
        int kk = k * k;
        for (int m = 0; m < outMaps; m++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float d = dOut[(m * size + y) * size + x];
                    if (d == 0) {
                        continue;
                    }
                    gb[m] += d;
                    for (int c = 0; c < inMaps; c++) {
                        int wo = (m * inMaps + c) * kk;
                        for (int ky = 0; ky < k; ky++) {
                            int row = (c * inSize + y + ky) * inSize + x;
                            int wr = wo + ky * k;
                            for (int kx = 0; kx < k; kx++) {
                                gw[wr + kx] += d * in[row + kx];
                            }
                            if (dIn != null) {
                                for (int kx = 0; kx < k; kx++) {
                                    dIn[row + kx] += d * w[wr + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** 2×2 max-pooling of {@code maps} maps of {@code size}², remembering where each maximum came from. */
    static void pool(float[] a, int maps, int size, float[] out, int[] from) {
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

    /** The gradient at a pooling's input: each pooled gradient to where its maximum came from, if that was on. */
    static void unpool(float[] dPooled, int[] from, float[] a, float[] dA) {
        for (int i = 0; i < dPooled.length; i++) {
            if (a[from[i]] > 0) {
                dA[from[i]] += dPooled[i];
            }
        }
    }
}
