package org.shinsei.id;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * Decodes the QR code by sampling its module grid where the layout puts it, without looking for finder
 * patterns: a blot or sticker over one finder pattern defeats ZXing's detector although the code's error
 * correction (level M, about 15 % of the codewords) could still recover the data. The page registration gives
 * the code's position to a fraction of a module; a few small offsets cover the rest. The Reed–Solomon and
 * format-information checks make a wrong decoding practically impossible (a random grid decodes with
 * probability below 1e-7), and the payload must still be 23 digits.
 */
final class QrGridSampler {

    /** The layout's rectangle holds the code plus a 4-module quiet zone on each side. */
    private static final int QUIET = 4;
    /** 23 digits at level M need version 1 (21 modules); version 2 in case a printer pads the payload. */
    private static final int[] VERSIONS = {1, 2};
    private static final double PX_PER_MM = 10;
    private static final double[] OFFSETS_MM = {0, -0.3, 0.3};

    private final MmRect rect;

    QrGridSampler(MmRect rect) {
        this.rect = rect;
    }

    /** The decoded text, or null. */
    String decode(RegisteredPage page) {
        MmRect area = rect.grow(1);
        Mat crop = page.cropGrey(area, PX_PER_MM);
        Mat binary = new Mat();
        try {
            Imgproc.threshold(crop, binary, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
            byte[] px = new byte[binary.cols() * binary.rows()];
            binary.get(0, 0, px);
            for (int version : VERSIONS) {
                for (double dy : OFFSETS_MM) {
                    for (double dx : OFFSETS_MM) {
                        String text = decode(px, binary.cols(), binary.rows(), version, 1 + dx, 1 + dy);
                        if (text != null) {
                            return text;
                        }
                    }
                }
            }
            return null;
        } finally {
            binary.release();
            crop.release();
        }
    }

    /** Samples a {@code version} grid whose rectangle starts at (x0, y0) mm inside the crop. */
    private String decode(byte[] px, int w, int h, int version, double x0, double y0) {
        int n = 17 + 4 * version;
        double module = rect.width() / (n + 2 * QUIET);
        BitMatrix bits = new BitMatrix(n);
        int r = Math.max(1, (int) Math.round(module * PX_PER_MM * 0.2));
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double cx = (x0 + (QUIET + col + 0.5) * module) * PX_PER_MM;
                double cy = (y0 + (QUIET + row + 0.5) * module) * PX_PER_MM;
                if (dark(px, w, h, (int) Math.round(cx), (int) Math.round(cy), r)) {
                    bits.set(col, row);
                }
            }
        }
        try {
            return new Decoder().decode(bits).getText();
        } catch (ChecksumException | FormatException e) {
            return null;
        }
    }

    /** Majority vote of the binarised pixels in a small square around the module centre. */
    private static boolean dark(byte[] px, int w, int h, int cx, int cy, int r) {
        int dark = 0;
        int all = 0;
        for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
                all++;
                if (px[y * w + x] == 0) {
                    dark++;
                }
            }
        }
        return dark * 2 > all;
    }
}
