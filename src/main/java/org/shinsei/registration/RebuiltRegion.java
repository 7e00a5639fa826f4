package org.shinsei.registration;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * The last region of a luma + half-resolution colour scan rebuilt in colour ({@link JpegColour}), for the next
 * crop that lies within it. One per {@link RegisteredPage}, used by the thread that works on the page; owns its
 * {@code Mat}.
 */
public final class RebuiltRegion implements AutoCloseable {

    private Mat pixels;
    private Rect rect;

    RebuiltRegion() {
    }

    /**
     * The rebuilt pixels of a region that contains {@code need} (the one kept, if it does; else {@code need}
     * itself, rebuilt now); {@link #rect()} tells where it lies in the scan. Owned by this object.
     */
    Mat covering(Rect need, Mat luma, Mat chroma) {
        if (pixels == null || !contains(rect, need)) {
            close();
            pixels = JpegColour.region(luma, chroma, need.x, need.y, need.x + need.width, need.y + need.height);
            rect = need;
        }
        return pixels;
    }

    Rect rect() {
        return rect;
    }

    private static boolean contains(Rect outer, Rect inner) {
        return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width
                && inner.y + inner.height <= outer.y + outer.height;
    }

    @Override
    public void close() {
        if (pixels != null) {
            pixels.release();
            pixels = null;
            rect = null;
        }
    }
}
