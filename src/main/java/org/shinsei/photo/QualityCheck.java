package org.shinsei.photo;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.decision.ReasonCode;

/**
 * Sharpness and exposure of the face (or of the print's centre when no face was found). The face is
 * resampled to a fixed size first, so the sharpness figure does not depend on the scan resolution or on
 * how large the head is.
 */
public final class QualityCheck {

    /** Side of the square the face is resampled to before the Laplacian. */
    private static final int NORMALISED_SIDE = 128;

    private final PhotoProperties.Quality rules;

    public QualityCheck(PhotoProperties.Quality rules) {
        this.rules = rules;
    }

    /** Measurements of the region. */
    public record Stats(double sharpness, double brightness, double contrast) {
    }

    public Stats measure(Mat grey, Rect region) {
        Rect r = Mats.clip(region, grey);
        try (Mats m = new Mats()) {
            Mat roi = m.add(grey.submat(r));
            Mat small = m.create();
            Imgproc.resize(roi, small, new Size(NORMALISED_SIDE, NORMALISED_SIDE), 0, 0, Imgproc.INTER_AREA);
            Mat lap = m.create();
            Imgproc.Laplacian(small, lap, CvType.CV_64F, 3);
            MatOfDouble mean = m.add(new MatOfDouble());
            MatOfDouble std = m.add(new MatOfDouble());
            Core.meanStdDev(lap, mean, std);
            double sharpness = std.toArray()[0] * std.toArray()[0];
            // Exposure on the inner part of the box: skin, not the hair or background at its corners.
            Rect inner = new Rect(NORMALISED_SIDE / 5, NORMALISED_SIDE / 5, NORMALISED_SIDE * 3 / 5, NORMALISED_SIDE * 3 / 5);
            Mat skin = m.add(small.submat(inner));
            double brightness = Core.mean(skin).val[0];
            int[] hist = histogram(small);
            double contrast = PrintLocator.percentile(hist, 0.95) - PrintLocator.percentile(hist, 0.05);
            return new Stats(sharpness, brightness, contrast);
        }
    }

    public void judge(Stats s, Findings out) {
        out.check(ReasonCode.PHOTO_QUALITY, "sharpness", s.sharpness(), rules.sharpness());
        out.check(ReasonCode.PHOTO_QUALITY, "face brightness", s.brightness(), rules.brightness());
        out.check(ReasonCode.PHOTO_QUALITY, "face contrast", s.contrast(), rules.contrast());
    }

    private static int[] histogram(Mat grey8) {
        byte[] data = new byte[(int) grey8.total()];
        Mat c = grey8.isContinuous() ? grey8 : grey8.clone();
        try {
            c.get(0, 0, data);
        } finally {
            if (c != grey8) {
                c.release();
            }
        }
        int[] h = new int[256];
        for (byte b : data) {
            h[b & 0xff]++;
        }
        return h;
    }
}
