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
    /**
     * (Cb + 1) << 8 | Cr by (R − B, G − B), each offset by 255 (511 × 511): the conversion's differences do not
     * involve the luma, and the map from (Cb, Cr) to them is one to one but for a few pairs, marked AMBIGUOUS.
     */
    private static final char[] BY_DIFFERENCES = new char[511 * 511];
    private static final char AMBIGUOUS = 0xFFFF;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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
        for (int cb = 0; cb < 256; cb++) {
            for (int cr = 0; cr < 256; cr++) {
                int rb = CR_R[cr] - CB_B[cb];
                int gb = ((CB_G[cb] + CR_G[cr]) >> SCALEBITS) - CB_B[cb];
                if (Math.abs(rb) <= 255 && Math.abs(gb) <= 255) {
                    int at = (rb + 255) * 511 + gb + 255;
                    BY_DIFFERENCES[at] = BY_DIFFERENCES[at] == 0 ? (char) ((cb + 1) << 8 | cr) : AMBIGUOUS;
                }
            }
        }
    }

    /** Per-thread buffers, grown as needed and reused from crop to crop (a page asks for a few dozen). */
    private static final class Scratch {
        int[] cb = new int[0];
        int[] cr = new int[0];
        byte[] y = new byte[0];
        byte[] out = new byte[0];
        byte[] bgr = new byte[0];

        static int[] ints(int[] a, int n) {
            return a.length >= n ? a : new int[n];
        }

        /** Sized exactly when grown: Mat.get and put read the array's length (a multiple of the channels). */
        static byte[] bytes(byte[] a, int n) {
            return a.length >= n && a.length % 3 == n % 3 ? a : new byte[n];
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
        Scratch scratch = SCRATCH.get();
        int[] cb = scratch.cb = Scratch.ints(scratch.cb, rw * rh);
        int[] cr = scratch.cr = Scratch.ints(scratch.cr, rw * rh);
        samples(luma, chroma, cx0, cy0, rw, rh, cb, cr, scratch);

        int w = x1 - x0;
        int h = y1 - y0;
        byte[] y = scratch.y = Scratch.bytes(scratch.y, w * h);
        Mat lumaRegion = luma.submat(y0, y1, x0, x1);
        lumaRegion.get(0, 0, y);
        lumaRegion.release();
        byte[] out = scratch.out = Scratch.bytes(scratch.out, 3 * w * h);
        // output columns are made in pairs (2c, 2c+1) from chroma column c and its neighbours c-1 and c+1: the
        // column sums carry one more on each side, a copy of the edge column where the region is at the scan's edge
        int pc0 = x0 >> 1;
        int pairs = ((x1 - 1) >> 1) - pc0 + 1;
        int[] cbSum = new int[rw + 2];
        int[] crSum = new int[rw + 2];
        byte[] rowOut = new byte[6 * pairs];
        int skip = 3 * (x0 - 2 * pc0);
        int first = pc0 - cx0 + 1;
        for (int row = 0; row < h; row++) {
            int fy = y0 + row;
            int nr = ((fy >> 1) - cy0) * rw;
            int fr = ((fy & 1) == 0 ? Math.max(0, (fy >> 1) - 1) : Math.min(ch - 1, (fy >> 1) + 1)) - cy0;
            fr *= rw;
            for (int c = 0; c < rw; c++) {
                cbSum[c + 1] = 3 * cb[nr + c] + cb[fr + c];
                crSum[c + 1] = 3 * cr[nr + c] + cr[fr + c];
            }
            cbSum[0] = cbSum[1];
            crSum[0] = crSum[1];
            cbSum[rw + 1] = cbSum[rw];
            crSum[rw + 1] = crSum[rw];
            int lumaRow = row * w - (x0 - 2 * pc0);
            for (int p = 0, k = first, o = 0; p < pairs; p++, k++, o += 6) {
                int cbHere = 3 * cbSum[k];
                int crHere = 3 * crSum[k];
                int b = (cbHere + cbSum[k - 1] + 8) >> 4;
                int r = (crHere + crSum[k - 1] + 8) >> 4;
                int li = lumaRow + 2 * p;
                int l = (li < row * w ? y[li + 1] : y[li]) & 0xff;
                l += CLIP_OFFSET;
                rowOut[o] = CLIP[l + CB_B[b]];
                rowOut[o + 1] = CLIP[l + ((CB_G[b] + CR_G[r]) >> SCALEBITS)];
                rowOut[o + 2] = CLIP[l + CR_R[r]];
                b = (cbHere + cbSum[k + 1] + 7) >> 4;
                r = (crHere + crSum[k + 1] + 7) >> 4;
                l = (li + 1 < (row + 1) * w ? y[li + 1] : y[li]) & 0xff;
                l += CLIP_OFFSET;
                rowOut[o + 3] = CLIP[l + CB_B[b]];
                rowOut[o + 4] = CLIP[l + ((CB_G[b] + CR_G[r]) >> SCALEBITS)];
                rowOut[o + 5] = CLIP[l + CR_R[r]];
            }
            System.arraycopy(rowOut, skip, out, 3 * row * w, 3 * w);
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, out);
        return m;
    }

    /** The integer Cb and Cr samples of the chroma region [cx0, cx0 + rw) × [cy0, cy0 + rh). */
    private static void samples(Mat luma, Mat chroma, int cx0, int cy0, int rw, int rh, int[] cb, int[] cr,
                                Scratch scratch) {
        byte[] bgr = scratch.bgr = Scratch.bytes(scratch.bgr, 3 * rw * rh);
        Mat region = chroma.submat(cy0, cy0 + rh, cx0, cx0 + rw);
        region.get(0, 0, bgr);
        region.release();
        int[] clipped = new int[16];
        int nClipped = 0;
        for (int i = 0; i < rw * rh; i++) {
            int b = bgr[3 * i] & 0xff;
            int g = bgr[3 * i + 1] & 0xff;
            int r = bgr[3 * i + 2] & 0xff;
            // R − B and G − B do not depend on the luma: one table read gives Cb and Cr
            int v = BY_DIFFERENCES[(r - b + 255) * 511 + g - b + 255];
            int yh = r - CR_R[v & 0xff];
            if (v != 0 && v != AMBIGUOUS && yh >= 0 && yh <= 255 && r > 0 && r < 255 && g > 0 && g < 255 && b > 0
                    && b < 255) {
                cb[i] = (v >> 8) - 1;
                cr[i] = v & 0xff;
            } else if (exact(r, g, b, cb, cr, i)) {
                continue;
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
