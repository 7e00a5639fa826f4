package org.shinsei.photo;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Native matrices that live for one block: every {@link Mat} registered here is released on close, so a
 * method with many temporaries cannot leak one on an early return or an exception.
 */
final class Mats implements AutoCloseable {

    private final List<Mat> owned = new ArrayList<>();

    <M extends Mat> M add(M mat) {
        owned.add(mat);
        return mat;
    }

    Mat create() {
        return add(new Mat());
    }

    /** {@code r} cut to the bounds of {@code img} (possibly empty). */
    static Rect clip(Rect r, Mat img) {
        int x0 = Math.max(0, r.x);
        int y0 = Math.max(0, r.y);
        int x1 = Math.min(img.cols(), r.x + r.width);
        int y1 = Math.min(img.rows(), r.y + r.height);
        return new Rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    @Override
    public void close() {
        for (Mat m : owned) {
            m.release();
        }
        owned.clear();
    }
}
