package org.shinsei.scan;

import org.opencv.core.Mat;

/**
 * One page image as it came out of an envelope file: 8-bit grey ({@code CV_8UC1}) or colour
 * ({@code CV_8UC3}, BGR), and the resolution the file declared, if any. Owns its {@code Mat}s.
 *
 * <p>A colour JPEG with 4:2:0 chroma (what scanners and most writers produce) is decoded as its full-resolution
 * luma ({@code image}, grey) plus a half-resolution BGR copy ({@code chroma}): JPEG stores colour at half
 * resolution anyway, so the two hold all the file's information, and decoding them costs about two thirds of
 * one full-resolution colour decode. Colour crops put the two back together
 * ({@code RegisteredPage#cropImage}).
 *
 * @param pageNo 1-based page number within the envelope
 * @param image  the decoded pixels (the luma when {@code chroma} is present)
 * @param dpi    the resolution stated by the file (PDF geometry, TIFF/PNG/JPEG metadata), or null
 * @param chroma for a colour page decoded as luma + chroma: the page in BGR at half resolution (pixel (j, i)
 *               covers full-resolution pixels 2j..2j+1, 2i..2i+1); else null
 */
public record ScanPage(int pageNo, Mat image, Double dpi, Mat chroma) implements AutoCloseable {

    /** A page decoded at full resolution in grey or colour. */
    public ScanPage(int pageNo, Mat image, Double dpi) {
        this(pageNo, image, dpi, null);
    }

    public boolean colour() {
        return image.channels() == 3 || chroma != null;
    }

    @Override
    public void close() {
        image.release();
        if (chroma != null) {
            chroma.release();
        }
    }
}
