package org.shinsei.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

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

    /**
     * (Cb + 1) << 8 | Cr by (R − B, G − B), each offset by 255 (511 × 511): the conversion's differences do not
     * involve the luma, and the map from (Cb, Cr) to them is one to one but for a few pairs, marked AMBIGUOUS.
     */
    private static final char[] BY_DIFFERENCES = new char[511 * 511];
    private static final char AMBIGUOUS = 0xFFFF;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** The same tables as {@code CV_16S} Mats for OpenCV: B − Y by Cb, R − Y by Cr, G − Y by (Cb, Cr) (x = Cb). */
    private static final Mat LUT_CB_B = new Mat(1, 256, CvType.CV_16SC1);
    private static final Mat LUT_CR_R = new Mat(1, 256, CvType.CV_16SC1);
    private static final Mat TABLE_G = new Mat(256, 256, CvType.CV_16SC1);
    /** The rounding of the horizontal step, 8 on even and 7 on odd columns, for a row as long as any crop. */
    private static final Mat BIAS;
    private static final Mat TAP = new Mat(3, 1, CvType.CV_32F);
    private static final int MAX_WIDTH = 1 << 15;

    static {
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
        short[] cbB = new short[256];
        short[] crR = new short[256];
        short[] g = new short[256 * 256];
        for (int i = 0; i < 256; i++) {
            cbB[i] = (short) CB_B[i];
            crR[i] = (short) CR_R[i];
            for (int cb = 0; cb < 256; cb++) {
                g[i * 256 + cb] = (short) ((CB_G[cb] + CR_G[i]) >> SCALEBITS);
            }
        }
        LUT_CB_B.put(0, 0, cbB);
        LUT_CR_R.put(0, 0, crR);
        TABLE_G.put(0, 0, g);
        short[] bias = new short[MAX_WIDTH + 1];
        for (int x = 0; x < bias.length; x++) {
            bias[x] = (short) ((x & 1) == 0 ? 8 : 7);
        }
        BIAS = new Mat(1, bias.length, CvType.CV_16SC1);
        BIAS.put(0, 0, bias);
        TAP.put(0, 0, 1f, 2f, 1f);
    }

    /** Per-thread buffers, grown as needed and reused from crop to crop (a page asks for a few dozen). */
    private static final class Scratch {
        int[] cb = new int[0];
        int[] cr = new int[0];
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
        Mat cbUp = upsample(cb, rw, rh, x0 - 2 * cx0, y0 - 2 * cy0, w, h);
        Mat crUp = upsample(cr, rw, rh, x0 - 2 * cx0, y0 - 2 * cy0, w, h);
        Mat lumaRegion = luma.submat(y0, y1, x0, x1);
        Mat cbcr = new Mat();
        Mat gTerm = new Mat();
        Mat terms = new Mat();
        Mat lumas = new Mat();
        Mat noMap2 = new Mat();
        List<Mat> bgr = new ArrayList<>(3);
        try {
            Core.merge(List.of(cbUp, crUp), cbcr);   // (Cb, Cr) as the (x, y) of a point in the G table
            Imgproc.remap(TABLE_G, gTerm, cbcr, noMap2, Imgproc.INTER_NEAREST);
            bgr.add(lookUp(cbUp, LUT_CB_B));
            bgr.add(gTerm);
            bgr.add(lookUp(crUp, LUT_CR_R));
            Core.merge(bgr, terms);
            // the luma plus each channel's term, saturated to 0..255 as libjpeg's range limit does
            Imgproc.cvtColor(lumaRegion, lumas, Imgproc.COLOR_GRAY2BGR);
            lumas.convertTo(lumas, CvType.CV_16SC3);
            Core.add(lumas, terms, terms);
            Mat m = new Mat();
            terms.convertTo(m, CvType.CV_8UC3);
            return m;
        } finally {
            bgr.forEach(Mat::release);
            lumaRegion.release();
            cbcr.release();
            terms.release();
            lumas.release();
            noMap2.release();
            cbUp.release();
            crUp.release();
        }
    }

    /**
     * libjpeg's h2v2 "fancy" upsampling of one chroma plane, for the full-resolution region at (ox, oy), w × h,
     * of the replicated grid: each output sample is (3·near + far) vertically, then (3·this + neighbour + 8 or 7)
     * / 16 horizontally, rounded down, which is a [1 2 1] ⊗ [1 2 1] filter on the plane with each sample doubled
     * both ways (edge samples repeated, as libjpeg does at the scan's edges), plus 8 on even columns and 7 on odd.
     *
     * @return the region's samples as a {@code CV_16SC1} Mat (0..255)
     */
    private static Mat upsample(int[] plane, int rw, int rh, int ox, int oy, int w, int h) {
        byte[] px = new byte[rw * rh];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) plane[i];
        }
        Mat small = new Mat(rh, rw, CvType.CV_8UC1);
        Mat grid = new Mat();
        Mat sums = new Mat();
        try {
            small.put(0, 0, px);
            Imgproc.resize(small, grid, new Size(2 * rw, 2 * rh), 0, 0, Imgproc.INTER_NEAREST);
            Imgproc.sepFilter2D(grid, sums, CvType.CV_16S, TAP, TAP, new Point(-1, -1), 0, Core.BORDER_REPLICATE);
            Mat region = sums.submat(oy, oy + h, ox, ox + w);
            Mat biased = new Mat();
            // the grid starts on an even full-resolution column, so ox's parity is the column's
            Mat bias = BIAS.submat(0, 1, ox & 1, (ox & 1) + w);
            Mat rows = new Mat();
            Core.repeat(bias, h, 1, rows);
            Core.add(region, rows, biased);
            bias.release();
            rows.release();
            region.release();
            // floor(v / 16) for an integer v >= 0: v / 16 − 15/32 is never half-way, so rounding gives the floor
            Mat out = new Mat();
            biased.convertTo(out, CvType.CV_16S, 1.0 / 16, -15.0 / 32);
            biased.release();
            return out;
        } finally {
            small.release();
            grid.release();
            sums.release();
        }
    }

    /** {@code table[sample]} for every sample of a {@code CV_16S} plane (0..255), as a new {@code CV_16S} Mat. */
    private static Mat lookUp(Mat samples, Mat table) {
        Mat idx = new Mat();
        Mat dst = new Mat();
        samples.convertTo(idx, CvType.CV_8U);
        Core.LUT(idx, table, dst);
        idx.release();
        return dst;
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
        LumaBlock block = nClipped == 0 ? null : new LumaBlock(luma, cx0, cy0, rw, rh);
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
            double yv = block.mean(px, py);
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

    /** The full-resolution luma under a chroma region, read once, for the mean under each chroma sample. */
    private static final class LumaBlock {
        private final byte[] px;
        private final int w;
        private final int h;

        LumaBlock(Mat luma, int cx0, int cy0, int rw, int rh) {
            int x = 2 * cx0;
            int y = 2 * cy0;
            w = Math.min(luma.cols(), 2 * (cx0 + rw)) - x;
            h = Math.min(luma.rows(), 2 * (cy0 + rh)) - y;
            px = new byte[w * h];
            Mat region = luma.submat(y, y + h, x, x + w);
            region.get(0, 0, px);
            region.release();
        }

        /** The mean luma of the (up to) 2 × 2 pixels under the region's chroma sample (px, py). */
        double mean(int cx, int cy) {
            double sum = 0;
            int n = 0;
            for (int yy = 2 * cy; yy < Math.min(h, 2 * cy + 2); yy++) {
                for (int xx = 2 * cx; xx < Math.min(w, 2 * cx + 2); xx++) {
                    sum += px[yy * w + xx] & 0xff;
                    n++;
                }
            }
            return sum / n;
        }
    }
}
