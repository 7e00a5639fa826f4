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
