package org.shinsei.scan;

import org.opencv.core.Mat;

/**
 * One page image as it came out of an envelope file: 8-bit grey ({@code CV_8UC1}) or colour
 * ({@code CV_8UC3}, BGR), and the resolution the file declared, if any. Owns its {@code Mat}.
 *
 * @param pageNo 1-based page number within the envelope
 * @param image  the decoded pixels
 * @param dpi    the resolution stated by the file (PDF geometry, TIFF/PNG/JPEG metadata), or null
 */
public record ScanPage(int pageNo, Mat image, Double dpi) implements AutoCloseable {

    public boolean colour() {
        return image.channels() == 3;
    }

    @Override
    public void close() {
        image.release();
    }
}
