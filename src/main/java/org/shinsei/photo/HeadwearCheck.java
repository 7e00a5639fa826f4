package org.shinsei.photo;

import java.util.ArrayList;
import java.util.List;


import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.decision.ReasonCode;

/**
 * HEURISTIC headwear check on the band above the forehead, between the crown and the top of the face, where a
 * compliant photo shows hair (or a bare scalp) and a hat shows fabric. Cues, each with its own band in
 * {@code shinsei.photo.headwear}:
 * <ul>
 *   <li>{@code colour} (colour prints): part of the band in a saturated colour that is neither skin nor a usual hair
 *       colour (a red cap, a blue beanie): REJECT when clearly so;</li>
 *   <li>{@code saturation} (colour prints): the band far more saturated than the face: dyed fabric in any hue;
 *       REJECT when clearly so (red hair may reach the review margin);</li>
 *   <li>{@code lighter}: the band much lighter than the face (light fabric; white hair can come near): REVIEW only;</li>
 *   <li>{@code head-top}: the crown high above the forehead (mesh point 10), in forehead-to-chin heights: a hat's
 *       crown sits above the hair (big hair can come near): REVIEW only;</li>
 *   <li>{@code texture-ratio}: the band's fine texture far below the face's (plain fabric stretched over the head,
 *       smoother than the skin): REVIEW only, and not on a blurred or badly exposed print.</li>
 * </ul>
 * Issue 19 removed the cues that fired on bare heads with grey, short or slicked hair (a straight edge across the
 * forehead, an absolute smoothness floor, a pale head top); the thresholds left were read off the odd-numbered
 * faces/plain persons only (PhotoEvaluationTest's stats file), each beyond every compliant print of that half. Not
 * seen: fabric in hair colours and textures on a grey scan, tight scarves. Its recall on real hats is unknown.
 */
public final class HeadwearCheck {

    /** Minimum saturation (0–255) and value for a pixel to count as colourful. */
    private static final int MIN_SATURATION = 90;
    private static final int MIN_VALUE = 50;
    /** OpenCV hue (0–180) range of skin and of brown/blond/red hair: not evidence of a hat. */
    private static final int SKIN_HUE_MAX = 25;
    private static final int SKIN_HUE_WRAP_MIN = 170;
    /** Saturation above which even a skin or hair hue is a dyed fabric. */
    private static final int VIVID_SATURATION = 175;
    /** The band starts this far below the crown (mm), so that the top of the head itself is not an edge. */
    private static final double BELOW_CROWN_MM = 1.5;

    /** A head-top pixel this much darker than the middle of the face (grey levels) is hair or shadow, not skin. */
    private static final double DARKER_THAN_FACE = 30;

    private final PhotoProperties.Headwear rules;

    public HeadwearCheck(PhotoProperties.Headwear rules) {
        this.rules = rules;
    }

    /**
     * @param colour fraction of colourful non-skin pixels in the head top
     * @param texture median fine texture of the head top, grey levels
     * @param headTop height of the crown above the forehead (mesh point 10), in forehead-to-chin heights
     * @param lighter how much lighter (median grey levels) the head top is than the middle of the face
     * @param dark    fraction of the head top darker than the middle of the face by {@value #DARKER_THAN_FACE}
     *                grey levels or more (hair and its shadows)
     * @param textureRatio the head top's fine texture divided by the middle of the face's
     * @param saturation median saturation (HSV, 0–255) of the head top minus the face's; 0 on a grey print
     */
    public record Stats(boolean measured, double colour, double texture, double headTop, double lighter,
                        double dark, double textureRatio, double saturation) {
        static final Stats NOT_MEASURED = new Stats(false, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * @param face       the main face's box
     * @param crownPx    the crown's row
     * @param foreheadPx the row of mesh point 10 (top of the forehead)
     * @param chinPx     the chin's row
     */
    public Stats measure(Mat print, Mat grey, Rect face, double crownPx, double foreheadPx, double chinPx,
                         BackgroundModel bg, double pxPerMm) {
        if (!rules.enabled()) {
            return Stats.NOT_MEASURED;
        }
        int top = (int) Math.max(0, Math.round(crownPx + BELOW_CROWN_MM * pxPerMm));
        int bottom = (int) Math.min(grey.rows(), Math.round(foreheadPx));
        Rect band = Mats.clip(new Rect(face.x + face.width / 8, top, face.width * 3 / 4, bottom - top), grey);
        if (band.height < pxPerMm || band.width < 5 * pxPerMm) {
            return Stats.NOT_MEASURED;
        }
        try (Mats m = new Mats()) {
            boolean colourPrint = print.channels() == 3;
            Mat bgrBand = colourPrint ? m.add(print.submat(band)) : null;
            Mat hsvBand = colourPrint ? hsv(bgrBand, m) : null;
            double colour = colourPrint ? colourfulFraction(bgrBand, hsvBand, bg, m) : 0;
            Mat greyBand = m.add(grey.submat(band));
            Rect mid = Mats.clip(new Rect(face.x + face.width * 3 / 10, face.y + face.height / 2, face.width * 2 / 5,
                    face.height / 4), grey);
            Mat greyMid = m.add(grey.submat(mid));
            double faceLevel = BackgroundCheck.median(greyMid, m.create());
            double lighter = BackgroundCheck.median(greyBand, m.create()) - faceLevel;
            double texture = texture(greyBand, pxPerMm, m);
            double faceTexture = texture(greyMid, pxPerMm, m);
            Mat dark = m.create();
            Imgproc.threshold(greyBand, dark, faceLevel - DARKER_THAN_FACE, 255, Imgproc.THRESH_BINARY_INV);
            double darkFraction = Core.countNonZero(dark) / (double) band.area();
            double saturation = colourPrint
                    ? medianSaturation(hsvBand, m) - medianSaturation(hsv(m.add(print.submat(mid)), m), m) : 0;
            return new Stats(true, colour, texture, (foreheadPx - crownPx) / Math.max(1, chinPx - foreheadPx), lighter,
                    darkFraction,
                    texture / Math.max(0.5, faceTexture), saturation);
        }
    }

    private static Mat hsv(Mat bgr, Mats m) {
        Mat hsv = m.create();
        Imgproc.cvtColor(bgr, hsv, Imgproc.COLOR_BGR2HSV);
        return hsv;
    }

    /** Median saturation (0–255) of an HSV image. */
    private static double medianSaturation(Mat hsv, Mats m) {
        Mat s = m.create();
        Core.extractChannel(hsv, s, 1);
        return BackgroundCheck.median(s, m.create());
    }

    /**
     * @param sharpAndExposed false when the print's quality is in doubt: then its texture is not judged
     * @param colourPrint     true when the print was scanned in colour (its colour and saturation mean something)
     * @return true when a cue is sure that the head top is covered (a REJECT), so the crown seen is not the top of
     *         the hair; a cue that only asks for a review leaves the crown measured and judged
     */
    public boolean judge(Stats s, boolean sharpAndExposed, boolean colourPrint, Findings out) {
        if (!s.measured()) {
            return false;
        }
        boolean covered = false;
        if (colourPrint) {
            covered |= out.check(ReasonCode.HEADWEAR, "vivid non-skin colour above the forehead", s.colour(),
                    rules.colour()) == Band.Verdict.OUTSIDE;
            covered |= out.check(ReasonCode.HEADWEAR, "above the forehead more saturated than the face: dyed fabric",
                    s.saturation(), rules.saturation()) == Band.Verdict.OUTSIDE;
        }
        out.check(ReasonCode.HEADWEAR, "above the forehead much lighter than the face: light fabric (or white hair)",
                s.lighter(), rules.lighter());
        out.check(ReasonCode.HEADWEAR, "head top high above the forehead (mesh point 10), in forehead-to-chin "
                + "heights: a hat's crown", s.headTop(), rules.headTop());
        if (sharpAndExposed) {
            out.check(ReasonCode.HEADWEAR, "above the forehead far smoother than the face: fabric", s.textureRatio(),
                    rules.textureRatio());
        }
        return covered;
    }

    /**
     * Median fine-scale texture of the head top: the local standard deviation (grey levels, over a 1 mm window)
     * of the band smoothed by 0.1 mm. Hair is made of strands; fabric stretched over the head is smoother.
     */
    private static double texture(Mat grey, double pxPerMm, Mats m) {
        Mat f = m.create();
        grey.convertTo(f, CvType.CV_32F);
        Imgproc.GaussianBlur(f, f, new Size(0, 0), Math.max(0.5, 0.1 * pxPerMm));
        int w = (int) Math.round(pxPerMm) | 1;
        Mat mean = m.create();
        Mat sq = m.create();
        Imgproc.blur(f, mean, new Size(w, w));
        Core.multiply(f, f, sq);
        Imgproc.blur(sq, sq, new Size(w, w));
        Core.multiply(mean, mean, mean);
        Core.subtract(sq, mean, sq);
        Core.max(sq, new Scalar(0), sq);
        Core.sqrt(sq, sq);
        return BackgroundCheck.median(sq, m.create());
    }

    /** Saturated pixels with a hue that is not skin or hair, among the pixels that are not background. */
    private static double colourfulFraction(Mat bgr, Mat hsv, BackgroundModel bg, Mats m) {
        List<Mat> ch = new ArrayList<>();
        Core.split(hsv, ch);
        ch.forEach(m::add);
        Mat sat = m.create();
        Core.inRange(hsv, new Scalar(0, MIN_SATURATION, MIN_VALUE), new Scalar(180, 255, 255), sat);
        Mat skinLow = m.create();
        Core.inRange(ch.get(0), new Scalar(0), new Scalar(SKIN_HUE_MAX), skinLow);
        Mat skinHigh = m.create();
        Core.inRange(ch.get(0), new Scalar(SKIN_HUE_WRAP_MIN), new Scalar(180), skinHigh);
        Core.bitwise_or(skinLow, skinHigh, skinLow);
        // skin and hair hues count only when more saturated than skin and hair ever are (a red cap)
        Mat vivid = m.create();
        Imgproc.threshold(ch.get(1), vivid, VIVID_SATURATION, 255, Imgproc.THRESH_BINARY);
        Core.bitwise_not(skinLow, skinLow);
        Core.bitwise_or(skinLow, vivid, skinLow);
        Core.bitwise_and(sat, skinLow, sat);
        Mat head = m.create();
        Imgproc.threshold(bg.distance(bgr, m), head, 25, 255, Imgproc.THRESH_BINARY);
        double headPx = Core.countNonZero(head);
        if (headPx < 1) {
            return 0;
        }
        Core.bitwise_and(sat, head, sat);
        return Core.countNonZero(sat) / headPx;
    }

}
