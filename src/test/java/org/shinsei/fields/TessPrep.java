package org.shinsei.fields;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** The fairest input for the Tesseract baseline: the box's ink binarised, cropped to the digit, padded white. */
final class TessPrep {
    private TessPrep() {
    }

    static Mat prepare(Mat ink) {
        Mat bin = new Mat();
        Imgproc.threshold(ink, bin, 80, 255, Imgproc.THRESH_BINARY);
        Rect r = Imgproc.boundingRect(bin);
        Mat out = new Mat();
        if (r.width == 0) {
            r = new Rect(0, 0, bin.cols(), bin.rows());
        }
        Mat roi = bin.submat(r);
        Core.copyMakeBorder(roi, out, 20, 20, 20, 20, Core.BORDER_CONSTANT, Scalar.all(0));
        Core.bitwise_not(out, out);
        bin.release();
        return out;
    }
}
