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
 * how large the head is. Exposure is judged on the whole print as well as on the face, so that a dark
 * complexion in front of a light background is not taken for an underexposed photo.
 */
public final class QualityCheck {

    /** Side of the square the face is resampled to before the Laplacian. */
    private static final int NORMALISED_SIDE = 128;

    private final PhotoProperties.Quality rules;

    public QualityCheck(PhotoProperties.Quality rules) {
        this.rules = rules;
    }

    /**
     * @param sharpness  variance of the Laplacian of the region resampled to a fixed size
     * @param brightness mean grey of the region's middle
     * @param contrast   95th − 5th percentile of the region's grey levels
     * @param highlights 95th percentile of the whole print: low when the whole photo is underexposed (a dark face
     *                   on a light background is not)
     * @param shadows    5th percentile of the whole print: high when the whole photo is washed out
     */
    public record Stats(double sharpness, double brightness, double contrast, double highlights, double shadows) {
    }

    public Stats measure(Mat grey, Rect region) {
        Rect r = Mats.clip(region, grey);
        if (r.width < 2 || r.height < 2) {
            throw new IllegalArgumentException("quality region outside the print: " + region);
        }
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
            int[] all = histogram(grey.isContinuous() ? grey : m.add(grey.clone()));
            return new Stats(sharpness, brightness, contrast, PrintLocator.percentile(all, 0.95),
                    PrintLocator.percentile(all, 0.05));
        }
    }

    public void judge(Stats s, Findings out) {
        out.check(ReasonCode.PHOTO_QUALITY, "sharpness", s.sharpness(), rules.sharpness());
        out.check(ReasonCode.PHOTO_QUALITY, "face brightness", s.brightness(), rules.brightness());
        out.check(ReasonCode.PHOTO_QUALITY, "face contrast", s.contrast(), rules.contrast());
        out.check(ReasonCode.PHOTO_QUALITY, "print highlights (underexposed)", s.highlights(), rules.highlights());
        out.check(ReasonCode.PHOTO_QUALITY, "print shadows (washed out)", s.shadows(), rules.shadows());
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
