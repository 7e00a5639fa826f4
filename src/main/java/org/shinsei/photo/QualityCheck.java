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
 * Sharpness and exposure of the face (or of the print's centre when no face was found). The face is resampled to a
 * fixed physical scale first ({@link #SCALE_PX_PER_MM}, coarser than any scan SPEC §1 allows), so the sharpness
 * figure measures detail a 200-dpi scan and a JPEG at quality 30 still carry, and a print blurred before it was
 * pasted does not. The sharpness is the Laplacian's standard deviation over the face's contrast, so a dark or a
 * pale face is not taken for a blurred one (exposure has its own rules). Exposure is judged on the whole print as
 * well as on the face, so that a dark complexion in front of a light background is not taken for an underexposed
 * photo.
 */
public final class QualityCheck {

    /**
     * The face is resampled to this many px per mm of print before the Laplacian: detail of 0.5 mm (the eyelids,
     * the nostrils, the lips' edges) which scanning at 200 dpi and JPEG at quality 30 keep, and a blur of 0.3 mm
     * removes.
     */
    static final double SCALE_PX_PER_MM = 4;

    private final PhotoProperties.Quality rules;

    public QualityCheck(PhotoProperties.Quality rules) {
        this.rules = rules;
    }

    /**
     * @param sharpness  100 × standard deviation of the Laplacian of the region at {@link #SCALE_PX_PER_MM}, over the
     *                   region's contrast
     * @param brightness mean grey of the region's middle
     * @param contrast   95th − 5th percentile of the region's grey levels
     * @param highlights 95th percentile of the whole print: low when the whole photo is underexposed (a dark face
     *                   on a light background is not)
     * @param shadows    5th percentile of the whole print: high when the whole photo is washed out
     */
    public record Stats(double sharpness, double brightness, double contrast, double highlights, double shadows) {
    }

    /** @param grey the upright print at {@code pxPerMm}; {@code region} the face box on it */
    public Stats measure(Mat grey, Rect region, double pxPerMm) {
        Rect r = Mats.clip(region, grey);
        if (r.width < 2 || r.height < 2) {
            throw new IllegalArgumentException("quality region outside the print: " + region);
        }
        try (Mats m = new Mats()) {
            Mat roi = m.add(grey.submat(r));
            double k = SCALE_PX_PER_MM / pxPerMm;
            int w = Math.max(8, (int) Math.round(r.width * k));
            int h = Math.max(8, (int) Math.round(r.height * k));
            Mat small = m.create();
            Imgproc.resize(roi, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
            Mat lap = m.create();
            Imgproc.Laplacian(small, lap, CvType.CV_32F, 3);
            Mat lapInner = m.add(lap.submat(1, h - 1, 1, w - 1)); // the border's replicated pixels are no detail
            MatOfDouble mean = m.add(new MatOfDouble());
            MatOfDouble std = m.add(new MatOfDouble());
            Core.meanStdDev(lapInner, mean, std);
            // Exposure on the inner part of the box: skin, not the hair or background at its corners.
            Rect inner = new Rect(w / 5, h / 5, w * 3 / 5, h * 3 / 5);
            Mat skin = m.add(small.submat(inner));
            double brightness = Core.mean(skin).val[0];
            int[] hist = histogram(small.isContinuous() ? small : m.add(small.clone()));
            double contrast = PrintLocator.percentile(hist, 0.95) - PrintLocator.percentile(hist, 0.05);
            double sharpness = 100 * std.toArray()[0] / Math.max(10, contrast);
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
