package org.shinsei.id;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** An 8-bit grey {@code Mat} as ZXing's input. */
final class GreyLuminance {

    private GreyLuminance() {
    }

    static LuminanceSource of(Mat grey) {
        if (grey.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("need an 8-bit grey image, got " + grey);
        }
        Mat continuous = grey.isContinuous() ? grey : grey.clone();
        try {
            byte[] bytes = new byte[grey.cols() * grey.rows()];
            continuous.get(0, 0, bytes);
            // The Y plane of a YUV image is exactly an 8-bit grey image.
            return new PlanarYUVLuminanceSource(bytes, grey.cols(), grey.rows(), 0, 0, grey.cols(), grey.rows(), false);
        } finally {
            if (continuous != grey) {
                continuous.release();
            }
        }
    }

    static BinaryBitmap hybrid(Mat grey) {
        return new BinaryBitmap(new HybridBinarizer(of(grey)));
    }

    static BinaryBitmap globalHistogram(Mat grey) {
        return new BinaryBitmap(new GlobalHistogramBinarizer(of(grey)));
    }
}
