package org.shinsei.registration;

import java.util.Arrays;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Rebuilds a region of a 4:2:0 colour JPEG's full colour decode from its full-resolution luma and its
 * half-resolution colour decode ({@code ScanPage#chroma()}), with libjpeg's own integer arithmetic, so that the
 * region equals what a whole colour decode would have given, pixel for pixel.
 *
 * <p>A half-resolution decode of a 4:2:0 stream needs no upsampling: its Cb and Cr samples are the stream's chroma
 * samples exactly, only turned into BGR with a coarser luma. Where no channel is clipped (0 or 255) that BGR
 * determines the integer Cb and Cr uniquely, and they are read back from it. The whole decode then upsamples them
 * by libjpeg's "fancy" 2×2 triangle filter and converts with the full-resolution luma through libjpeg's tables;
 * this class does the same for the region only. Where a half-resolution pixel is clipped, its chroma is
 * estimated from the unclipped channels and the luma (the rare pixels of saturated colour), so the rebuild is
 * exact only up to those.
 */
final class JpegColour {

    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);
    /** libjpeg's tables (jdcolor.c), indexed by the sample value 0..255. */
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];
    /** The inverses of CR_R and CB_B: sample + 1 for a term value (offset by TERM_OFFSET), 0 where none gives it. */
    private static final int TERM_OFFSET = 256;
    private static final int[] INV_CR_R = new int[512];
    private static final int[] INV_CB_B = new int[512];

    /** Saturation to 0..255 for a sum offset by CLIP_OFFSET (terms reach ±227). */
    private static final int CLIP_OFFSET = 256;
    private static final byte[] CLIP = new byte[768];
    private static final int MEMO_BITS = 12;
    private static final int MEMO = 1 << MEMO_BITS;

    static {
        for (int v = 0; v < CLIP.length; v++) {
            CLIP[v] = (byte) Math.max(0, Math.min(255, v - CLIP_OFFSET));
        }
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (int) ((fix(1.40200) * x + ONE_HALF) >> SCALEBITS);
            CB_B[i] = (int) ((fix(1.77200) * x + ONE_HALF) >> SCALEBITS);
            CR_G[i] = (int) (-fix(0.71414) * x);
            CB_G[i] = (int) (-fix(0.34414) * x + ONE_HALF);
            INV_CR_R[CR_R[i] + TERM_OFFSET] = i + 1;
            INV_CB_B[CB_B[i] + TERM_OFFSET] = i + 1;
        }
    }

    private JpegColour() {
    }

    private static long fix(double v) {
        return (long) (v * (1L << SCALEBITS) + 0.5);
    }

    /**
     * The BGR pixels of the region [x0, x1) × [y0, y1) of the full colour decode, as a new {@code CV_8UC3} Mat.
     *
     * @param luma   the full-resolution luma ({@code CV_8UC1})
     * @param chroma the half-resolution colour decode ({@code CV_8UC3}, ((w+1)/2) × ((h+1)/2))
     */
    static Mat region(Mat luma, Mat chroma, int x0, int y0, int x1, int y1) {
        int cw = chroma.cols();
        int ch = chroma.rows();
        // the chroma samples the triangle filter reaches from the region, one beyond on every side
        int cx0 = Math.max(0, (x0 >> 1) - 1);
        int cx1 = Math.min(cw, ((x1 - 1) >> 1) + 2);
        int cy0 = Math.max(0, (y0 >> 1) - 1);
        int cy1 = Math.min(ch, ((y1 - 1) >> 1) + 2);
        int rw = cx1 - cx0;
        int rh = cy1 - cy0;
        int[] cb = new int[rw * rh];
        int[] cr = new int[rw * rh];
        samples(luma, chroma, cx0, cy0, rw, rh, cb, cr);

        int w = x1 - x0;
        int h = y1 - y0;
        byte[] y = new byte[w * h];
        Mat lumaRegion = luma.submat(y0, y1, x0, x1);
        lumaRegion.get(0, 0, y);
        lumaRegion.release();
        byte[] out = new byte[3 * w * h];
        // per output column: its chroma column, the neighbour the filter weighs by 1/4, and libjpeg's rounding bias
        int[] near = new int[w];
        int[] far = new int[w];
        int[] bias = new int[w];
        for (int col = 0; col < w; col++) {
            int fx = x0 + col;
            near[col] = (fx >> 1) - cx0;
            boolean even = (fx & 1) == 0;
            far[col] = (even ? Math.max(0, (fx >> 1) - 1) : Math.min(cw - 1, (fx >> 1) + 1)) - cx0;
            bias[col] = even ? 8 : 7;
        }
        int[] cbSum = new int[rw];
        int[] crSum = new int[rw];
        for (int row = 0; row < h; row++) {
            int fy = y0 + row;
            int nr = ((fy >> 1) - cy0) * rw;
            int fr = ((fy & 1) == 0 ? Math.max(0, (fy >> 1) - 1) : Math.min(ch - 1, (fy >> 1) + 1)) - cy0;
            fr *= rw;
            for (int c = 0; c < rw; c++) {
                cbSum[c] = 3 * cb[nr + c] + cb[fr + c];
                crSum[c] = 3 * cr[nr + c] + cr[fr + c];
            }
            int o = 3 * row * w;
            int i = row * w;
            for (int col = 0; col < w; col++, i++, o += 3) {
                int c = near[col];
                int n = far[col];
                int k = bias[col];
                int b = (3 * cbSum[c] + cbSum[n] + k) >> 4;
                int r = (3 * crSum[c] + crSum[n] + k) >> 4;
                int l = (y[i] & 0xff) + CLIP_OFFSET;
                out[o] = CLIP[l + CB_B[b]];
                out[o + 1] = CLIP[l + ((CB_G[b] + CR_G[r]) >> SCALEBITS)];
                out[o + 2] = CLIP[l + CR_R[r]];
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, out);
        return m;
    }

    /** The integer Cb and Cr samples of the chroma region [cx0, cx0 + rw) × [cy0, cy0 + rh). */
    private static void samples(Mat luma, Mat chroma, int cx0, int cy0, int rw, int rh, int[] cb, int[] cr) {
        byte[] bgr = new byte[3 * rw * rh];
        Mat region = chroma.submat(cy0, cy0 + rh, cx0, cx0 + rw);
        region.get(0, 0, bgr);
        region.release();
        // scans repeat a few colours (paper above all): a small direct-mapped memo of colour → chroma
        int[] memoKey = new int[MEMO];
        int[] memoValue = new int[MEMO];
        int[] clipped = new int[16];
        int nClipped = 0;
        for (int i = 0; i < rw * rh; i++) {
            int b = bgr[3 * i] & 0xff;
            int g = bgr[3 * i + 1] & 0xff;
            int r = bgr[3 * i + 2] & 0xff;
            int key = (r << 16 | g << 8 | b) + 1;
            int slot = (key * 0x9E3779B1) >>> (32 - MEMO_BITS);
            if (memoKey[slot] == key) {
                cb[i] = memoValue[slot] >> 8;
                cr[i] = memoValue[slot] & 0xff;
            } else if (exact(r, g, b, cb, cr, i)) {
                memoKey[slot] = key;
                memoValue[slot] = cb[i] << 8 | cr[i];
            } else {
                cb[i] = -1;
                if (nClipped == clipped.length) {
                    clipped = Arrays.copyOf(clipped, 2 * nClipped);
                }
                clipped[nClipped++] = i;
            }
        }
        // clipped pixels, with the chroma of their exact neighbours as the prior (chroma is smooth)
        for (int k = 0; k < nClipped; k++) {
            int i = clipped[k];
            int px = i % rw;
            int py = i / rw;
            double sumB = 0;
            double sumR = 0;
            int n = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int qx = px + dx;
                    int qy = py + dy;
                    if (qx >= 0 && qx < rw && qy >= 0 && qy < rh && cb[qy * rw + qx] >= 0 && (dx != 0 || dy != 0)) {
                        sumB += cb[qy * rw + qx];
                        sumR += cr[qy * rw + qx];
                        n++;
                    }
                }
            }
            int b = bgr[3 * i] & 0xff;
            int g = bgr[3 * i + 1] & 0xff;
            int r = bgr[3 * i + 2] & 0xff;
            double yv = lumaMean(luma, cx0 + px, cy0 + py);
            estimate(r, g, b, yv, cb, cr, i);
            consistent(r, g, b, yv, n == 0 ? cb[i] : sumB / n, n == 0 ? cr[i] : sumR / n, cb, cr, i);
        }
        for (int k = 0; k < nClipped; k++) {
            if (cb[clipped[k]] < 0) {
                throw new IllegalStateException("chroma not set");
            }
        }
    }

    /**
     * Among the (luma, Cb, Cr) near the estimate that give exactly this clipped BGR, the one nearest the luma
     * estimate and the prior chroma; leaves the estimate where none does.
     */
    private static void consistent(int r, int g, int b, double yv, double cbPrior, double crPrior, int[] cb, int[] cr,
                                   int i) {
        double best = Double.POSITIVE_INFINITY;
        int bestCb = cb[i];
        int bestCr = cr[i];
        int y0 = (int) Math.round(yv);
        for (int yh = Math.max(0, y0 - 3); yh <= Math.min(255, y0 + 3); yh++) {
            int crLo;
            int crHi;
            if (r > 0 && r < 255) {
                int t = r - yh + TERM_OFFSET;
                crLo = t < 0 || t >= INV_CR_R.length ? -1 : INV_CR_R[t] - 1;
                crHi = crLo;
                if (crLo < 0) {
                    continue;
                }
            } else {
                crLo = Math.max(0, (int) Math.floor(crPrior) - 8);
                crHi = Math.min(255, (int) Math.ceil(crPrior) + 8);
            }
            int cbLo;
            int cbHi;
            if (b > 0 && b < 255) {
                int t = b - yh + TERM_OFFSET;
                cbLo = t < 0 || t >= INV_CB_B.length ? -1 : INV_CB_B[t] - 1;
                cbHi = cbLo;
                if (cbLo < 0) {
                    continue;
                }
            } else {
                cbLo = Math.max(0, (int) Math.floor(cbPrior) - 8);
                cbHi = Math.min(255, (int) Math.ceil(cbPrior) + 8);
            }
            for (int crv = crLo; crv <= crHi; crv++) {
                if (clamp(yh + CR_R[crv]) != r) {
                    continue;
                }
                for (int cbv = cbLo; cbv <= cbHi; cbv++) {
                    if (clamp(yh + CB_B[cbv]) != b || clamp(yh + ((CB_G[cbv] + CR_G[crv]) >> SCALEBITS)) != g) {
                        continue;
                    }
                    double cost = (yh - yv) * (yh - yv) + 0.25 * ((cbv - cbPrior) * (cbv - cbPrior) + (crv - crPrior) * (crv - crPrior));
                    if (cost < best) {
                        best = cost;
                        bestCb = cbv;
                        bestCr = crv;
                    }
                }
            }
        }
        cb[i] = bestCb;
        cr[i] = bestCr;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * Reads back the integer chroma of an unclipped pixel: for each Cr near the estimate, the luma it implies
     * must give B through some Cb and then G exactly. Unique where it succeeds (libjpeg's conversion is one to one
     * on unclipped output).
     */
    private static boolean exact(int r, int g, int b, int[] cb, int[] cr, int i) {
        if (r == 0 || r == 255 || g == 0 || g == 255 || b == 0 || b == 255) {
            return false;
        }
        int luma = (19595 * r + 38470 * g + 7471 * b + ONE_HALF) >> SCALEBITS;
        int guess = ((r - luma) * 46745 + (128 << SCALEBITS) + ONE_HALF) >> SCALEBITS;  // (r − luma) / 1.402, rounded, + 128
        for (int d = 0; d <= 2; d++) {
            for (int s = -1; s <= 1; s += 2) {
                int crv = guess + s * d;
                if (crv < 0 || crv > 255 || d == 0 && s > 0) {
                    continue;
                }
                int yv = r - CR_R[crv];
                if (yv < 0 || yv > 255) {
                    continue;
                }
                int term = b - yv + TERM_OFFSET;
                int cbv = term < 0 || term >= INV_CB_B.length ? -1 : INV_CB_B[term] - 1;
                if (cbv < 0) {
                    continue;
                }
                if (yv + ((CB_G[cbv] + CR_G[crv]) >> SCALEBITS) == g) {
                    cb[i] = cbv;
                    cr[i] = crv;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The chroma of a clipped pixel, from the channels that are not clipped and the half-resolution luma (the
     * mean of the 2×2 full-resolution luma it covers), kept consistent with the clipping.
     */
    private static void estimate(int r, int g, int b, double yv, int[] cb, int[] cr, int i) {
        boolean rOk = r > 0 && r < 255;
        boolean gOk = g > 0 && g < 255;
        boolean bOk = b > 0 && b < 255;
        double crf = rOk ? (r - yv) / 1.402 : Double.NaN;
        double cbf = bOk ? (b - yv) / 1.772 : Double.NaN;
        if (Double.isNaN(crf) && !Double.isNaN(cbf) && gOk) {
            crf = (yv - g - 0.34414 * cbf) / 0.71414;
        } else if (Double.isNaN(cbf) && !Double.isNaN(crf) && gOk) {
            cbf = (yv - g - 0.71414 * crf) / 0.34414;
        }
        if (Double.isNaN(crf)) {
            crf = (r - yv) / 1.402;
        }
        if (Double.isNaN(cbf)) {
            cbf = (b - yv) / 1.772;
        }
        // a clipped channel only says the true value lies beyond the clip
        if (r == 255) {
            crf = Math.max(crf, (255 - yv) / 1.402);
        } else if (r == 0) {
            crf = Math.min(crf, -yv / 1.402);
        }
        if (b == 255) {
            cbf = Math.max(cbf, (255 - yv) / 1.772);
        } else if (b == 0) {
            cbf = Math.min(cbf, -yv / 1.772);
        }
        cr[i] = (int) Math.max(0, Math.min(255, Math.round(crf) + 128));
        cb[i] = (int) Math.max(0, Math.min(255, Math.round(cbf) + 128));
    }

    private static double lumaMean(Mat luma, int cx, int cy) {
        int x = 2 * cx;
        int y = 2 * cy;
        int x1 = Math.min(luma.cols(), x + 2);
        int y1 = Math.min(luma.rows(), y + 2);
        byte[] px = new byte[1];
        double sum = 0;
        int n = 0;
        for (int yy = y; yy < y1; yy++) {
            for (int xx = x; xx < x1; xx++) {
                luma.get(yy, xx, px);
                sum += px[0] & 0xff;
                n++;
            }
        }
        return sum / n;
    }
}
