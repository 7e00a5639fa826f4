package org.shinsei.photo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.decision.ReasonCode;

/**
 * HEURISTIC headwear check on the band between the crown and the upper part of the face box, where a
 * compliant photo shows hair (or a bare scalp) and a hat shows fabric. Three cues, each with its own band in
 * {@code shinsei.photo.headwear}:
 * <ul>
 *   <li>{@code colour}: part of the head top in a saturated colour that is neither skin nor a usual hair colour
 *       (a red cap, a blue beanie);</li>
 *   <li>{@code edge}: one straight horizontal edge across the whole forehead (a brim or a hat band), where a
 *       hairline is curved and ragged;</li>
 *   <li>{@code texture}: a head top smoother than hair (plain fabric: a beret, a scarf, a beanie in hair
 *       colours, on grey scans too);</li>
 *   <li>{@code lighter}: a head top lighter than the face (light fabric, or white hair);</li>
 *   <li>{@code saturation}: a head top more saturated than the face (colour prints): dyed fabric in any hue,
 *       brown or red included; hair hardly ever is;</li>
 *   <li>{@code pale}: a head top about as light as the face with few hair-dark pixels that is grey (a colour
 *       print) or rougher than the face (patterned fabric); it fires on grey or white hair too. Its thresholds were
 *       read off {@code HeadwearTuning} (test sources): generated prints of faces/plain numbered below 040 only,
 *       compliant ones, some with the hair made grey or white or the head bald, and ten hat styles in plain,
 *       striped, checked, dotted, knitted and paisley fabric in many colours.</li>
 * </ul>
 * A straight fringe can make the edge cue fire, a bald or shaved head the texture cue, white hair the lighter cue,
 * grey hair the pale cue and red hair the saturation cue, so those only ever ask for a review (a person looks);
 * only the colour cue rejects. Not seen by it: patterned fabric in hair colours whose texture and tone are those of hair, and any
 * colour cue on a grey scan or a black-and-white photo. The one real cap available (Grace Hopper) only reaches
 * REVIEW through the edge cue. Its recall on real hats is unknown.
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
    /** Smallest brightness step (grey levels) that counts as an edge. */
    private static final double EDGE_MIN_STEP = 12;
    /** How far (mm) an edge may wander up or down across the forehead and still count as straight. */
    private static final double EDGE_SLACK_MM = 0.3;
    /** The band starts this far below the crown (mm), so that the top of the head itself is not an edge. */
    private static final double BELOW_CROWN_MM = 1.5;
    /** The band ends this far down the face box (in box heights), above the eyebrows. */
    private static final double BAND_END_IN_BOX = 0.22;

    /** A head-top pixel this much darker than the middle of the face (grey levels) is hair or shadow, not skin. */
    private static final double DARKER_THAN_FACE = 30;

    private final PhotoProperties.Headwear rules;

    public HeadwearCheck(PhotoProperties.Headwear rules) {
        this.rules = rules;
    }

    /**
     * @param colour fraction of colourful non-skin pixels in the head top
     * @param edge   fraction of the forehead's width crossed by the longest straight horizontal edge
     * @param texture median fine texture of the head top, grey levels
     * @param headTop height of the head above the face box, in box heights (where the silhouette's top was found)
     * @param lighter how much lighter (median grey levels) the head top is than the middle of the face
     * @param dark    fraction of the head top darker than the middle of the face by {@value #DARKER_THAN_FACE}
     *                grey levels or more (hair and its shadows)
     * @param textureRatio the head top's fine texture divided by the middle of the face's
     * @param saturation median saturation (HSV, 0–255) of the head top minus the face's; 0 on a grey print
     */
    public record Stats(boolean measured, double colour, double edge, double texture, double headTop, double lighter,
                        double dark, double textureRatio, double saturation) {
        static final Stats NOT_MEASURED = new Stats(false, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public Stats measure(Mat print, Mat grey, Rect face, double crownPx, BackgroundModel bg, double pxPerMm) {
        if (!rules.enabled()) {
            return Stats.NOT_MEASURED;
        }
        int top = (int) Math.max(0, Math.round(crownPx + BELOW_CROWN_MM * pxPerMm));
        int bottom = (int) Math.min(grey.rows(), Math.round(face.y + BAND_END_IN_BOX * face.height));
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
            double edge = straightEdge(greyBand, pxPerMm, m);
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
            return new Stats(true, colour, edge, texture, (face.y - crownPx) / face.height, lighter, darkFraction,
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

    /** The pale head-top cue ({@link PhotoProperties.Pale}). */
    boolean pale(Stats s, boolean colourPrint) {
        PhotoProperties.Pale p = rules.pale();
        if (s.lighter() < p.minLighter() || s.dark() > p.maxDark()) {
            return false;
        }
        return (colourPrint && s.saturation() <= p.maxSaturation()) || s.textureRatio() >= p.minTextureRatio();
    }

    /**
     * @param sharpAndExposed false when the print's quality is in doubt: then its texture is not judged
     * @param colourPrint     true when the print was scanned in colour (its saturation means something)
     * @return true when a cue says the head top is covered, so the crown seen is not the top of the hair; the
     *         pale and saturation cues alone do not say so (they also fire on grey, white or red hair, whose crown
     *         is the crown)
     */
    public boolean judge(Stats s, boolean sharpAndExposed, boolean colourPrint, Findings out) {
        boolean covered = false;
        if (s.measured()) {
            covered |= out.check(ReasonCode.HEADWEAR, "vivid non-skin colour on the head top (heuristic)", s.colour(),
                    rules.colour()) != Band.Verdict.WITHIN;
            covered |= out.check(ReasonCode.HEADWEAR, "straight edge across the forehead (heuristic)", s.edge(),
                    rules.edge()) != Band.Verdict.WITHIN;
            covered |= out.check(ReasonCode.HEADWEAR,
                    "head top lighter than the face: light fabric or white hair (heuristic)", s.lighter(),
                    rules.lighter()) != Band.Verdict.WITHIN;
            if (sharpAndExposed) {
                covered |= out.check(ReasonCode.HEADWEAR, "smooth head top, no hair texture (heuristic)", s.texture(),
                        rules.texture()) != Band.Verdict.WITHIN;
                if (colourPrint) {
                    out.check(ReasonCode.HEADWEAR, "head top more saturated than the face: dyed fabric or red hair",
                            s.saturation(), rules.saturation());
                }
                if (rules.pale() != null && pale(s, colourPrint)) {
                    out.add(ReasonCode.HEADWEAR, Band.Verdict.NEAR, String.format(Locale.ROOT,
                            "pale head top: lighter %.0f, hair-dark %.2f, saturation %.0f, texture ratio %.2f "
                                    + "(grey or patterned fabric, or grey/white hair)", s.lighter(), s.dark(),
                            s.saturation(), s.textureRatio()));
                }
            }
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

    /**
     * The largest fraction of the band's width crossed by one straight horizontal edge of one polarity (a brim,
     * a hat band). A hairline or the top of the hair is curved and ragged: at any one row it crosses few columns.
     */
    private static double straightEdge(Mat grey, double pxPerMm, Mats m) {
        Mat smooth = m.create();
        Imgproc.GaussianBlur(grey, smooth, new Size(5, 5), 1.5);
        Mat gy = m.create();
        Imgproc.Sobel(smooth, gy, CvType.CV_32F, 0, 1, 3);
        // Sobel 3x3 answers a step of height h with 4h
        double t = 4 * EDGE_MIN_STEP;
        Mat slack = m.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT,
                new Size(1, 2 * Math.max(1, (int) Math.round(EDGE_SLACK_MM * pxPerMm)) + 1)));
        double best = 0;
        for (int sign : new int[] {1, -1}) {
            Mat polar = m.create();
            Core.multiply(gy, new Scalar(sign), polar);
            Mat on = m.create();
            Imgproc.threshold(polar, on, t, 1, Imgproc.THRESH_BINARY);
            on.convertTo(on, CvType.CV_8U);
            Imgproc.dilate(on, on, slack);
            Mat rows = m.create();
            Core.reduce(on, rows, 1, Core.REDUCE_SUM, CvType.CV_32S);
            int[] sums = new int[grey.rows()];
            rows.get(0, 0, sums);
            for (int v : sums) {
                best = Math.max(best, v / (double) grey.cols());
            }
        }
        return best;
    }
}
