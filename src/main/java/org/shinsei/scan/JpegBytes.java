package org.shinsei.scan;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Decoding of one JPEG stream (a JPEG file, or the DCTDecode bytes of a PDF image) with OpenCV. */
final class JpegBytes {

    /** Bytes after the end-of-image marker that are tolerated (some writers pad the file). */
    private static final int TRAILER_SLACK = 1024;

    private JpegBytes() {
    }

    /**
     * libjpeg only warns about a truncated stream and fills the missing rows with grey; a page with its
     * bottom missing must be rescanned, so a stream without its end-of-image marker is refused.
     */
    static boolean complete(byte[] jpeg) {
        int from = Math.max(2, jpeg.length - TRAILER_SLACK - 2);
        for (int i = jpeg.length - 2; i >= from; i--) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page of one JPEG stream, or null if OpenCV cannot decode it. With {@code split}, a YCbCr stream with 4:2:0
     * chroma is decoded as full-resolution luma plus half-resolution colour ({@link ScanPage#chroma()}), which loses
     * nothing the file holds; any other stream as {@link #decode}.
     */
    static ScanPage page(int pageNo, byte[] jpeg, Double dpi, boolean split) {
        if (!split || !chromaHalved(jpeg)) {
            Mat m = decode(jpeg);
            if (m.empty()) {
                m.release();
                return null;
            }
            return new ScanPage(pageNo, m, dpi);
        }
        MatOfByte encoded = new MatOfByte(jpeg);
        Mat luma = null;
        Mat chroma = null;
        try {
            luma = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_GRAYSCALE | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
            chroma = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_REDUCED_COLOR_2 | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
            if (luma.empty() || chroma.empty() || chroma.cols() != (luma.cols() + 1) / 2
                    || chroma.rows() != (luma.rows() + 1) / 2) {
                return null;
            }
            ScanPage page = new ScanPage(pageNo, luma, dpi, chroma);
            luma = null;
            chroma = null;
            return page;
        } finally {
            encoded.release();
            if (luma != null) {
                luma.release();
            }
            if (chroma != null) {
                chroma.release();
            }
        }
    }

    /**
     * Whether the stream is 8-bit YCbCr with the chroma at half resolution both ways (Y sampled 2×2, Cb and Cr
     * 1×1), from its frame header; an Adobe marker declaring untransformed RGB rules it out.
     */
    static boolean chromaHalved(byte[] b) {
        int i = 2;
        boolean rgb = false;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                i += 2;
                continue;
            }
            int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (marker == 0xEE && len >= 12 && i + 15 < b.length) {
                rgb = b[i + 15] == 0;
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (i + 19 > b.length || b[i + 4] != 8 || b[i + 9] != 3) {
                    return false;
                }
                return !rgb && (b[i + 11] & 0xFF) == 0x22 && (b[i + 14] & 0xFF) == 0x11 && (b[i + 17] & 0xFF) == 0x11;
            } else if (marker == 0xDA) {
                return false;
            }
            i += 2 + len;
        }
        return false;
    }

    /** The decoded pixels, in pipeline form (grey or BGR), or an empty Mat if OpenCV cannot decode them. */
    static Mat decode(byte[] jpeg) {
        MatOfByte encoded = new MatOfByte(jpeg);
        try {
            Mat decoded = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_UNCHANGED);
            return decoded.empty() ? decoded : ImageMats.normalise(decoded, false);
        } finally {
            encoded.release();
        }
    }
}
