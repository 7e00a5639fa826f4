package org.shinsei.fields;

import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.Size;
import org.opencv.objdetect.HOGDescriptor;

/**
 * Histogram-of-oriented-gradients features of a normalised 20×20 digit (OpenCV {@link HOGDescriptor}):
 * 10×10 blocks on a 5-pixel stride over 5×5 cells, 9 signed orientation bins — 324 numbers that describe the
 * strokes' directions per region and tolerate a pixel of shift. The descriptor is read-only after construction,
 * so one instance serves every thread.
 */
public final class DigitFeatures {

    /** Changes with any change to the normalisation or the descriptor, so an old model is refused. */
    public static final String VERSION = "norm16-deskew/hog20-b10-s5-c5-n9-signed";

    private final HOGDescriptor hog;
    private final int length;

    public DigitFeatures() {
        Size win = new Size(DigitNormaliser.SIZE, DigitNormaliser.SIZE);
        hog = new HOGDescriptor(win, new Size(10, 10), new Size(5, 5), new Size(5, 5), 9,
                1, -1, HOGDescriptor.L2Hys, 0.2, false, HOGDescriptor.DEFAULT_NLEVELS, true);
        length = (int) hog.getDescriptorSize();
    }

    public int length() {
        return length;
    }

    /** @param digit a {@link DigitNormaliser} output */
    public float[] of(Mat digit) {
        MatOfFloat d = new MatOfFloat();
        try {
            hog.compute(digit, d);
            float[] out = d.toArray();
            if (out.length != length) {
                throw new IllegalStateException("HOG gave " + out.length + " values, expected " + length);
            }
            return out;
        } finally {
            d.release();
        }
    }
}
