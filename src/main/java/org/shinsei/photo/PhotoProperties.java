package org.shinsei.photo;

import java.util.List;

import org.shinsei.form.MmRect;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The photo rules and the tuning of the photo stage ({@code config/photo-rules.yml}, prefix {@code shinsei.photo}).
 * Lengths are millimetres on the print, angles degrees, grey levels 0–255. {@link #defaults()} holds the same
 * values as the YAML file (a test keeps them equal) so that the stage can be built without Spring.
 */
@ConfigurationProperties("shinsei.photo")
public record PhotoProperties(Print print, Face face, Framing framing, Frontal frontal, Background background,
                              Headwear headwear, Quality quality) {

    /**
     * Finding the pasted print beside the guide frame.
     *
     * @param searchMarginMm     how far around the layout's photo box to look for the print
     * @param pxPerMm            working resolution of the crop and of the straightened print
     * @param widthMm            allowed print width
     * @param heightMm           allowed print height
     * @param minAreaMm2         a region smaller than this is a smudge or the caption, not a print
     * @param minPaperDifference grey/colour levels a pixel must differ from the paper to belong to a print
     * @param cleanKernelMm      opening size that erases the dashed guide, the caption and thin form lines
     * @param captionZone        page mm where layout.yml's photo caption is printed (origin [158, 99], 2.8 mm
     *                           type): dense text there looks like print, so it is left out of the search
     */
    public record Print(double searchMarginMm, double pxPerMm, Band widthMm, Band heightMm, double minAreaMm2,
                        int minPaperDifference, double cleanKernelMm, MmRect captionZone) {
    }

    /**
     * Face detection (OpenCV Haar cascades from Debian {@code opencv-data}).
     *
     * @param cascadeDir         folder holding the cascade files
     * @param faceCascade        frontal face cascade file name
     * @param eyeCascade         eye cascade file name
     * @param minFaceMm          smallest face box searched for (two heads side by side still exceed it)
     * @param minNeighbours      Haar detection strictness
     * @param secondFaceMinRatio another face counts only if its box is at least this fraction of the main one
     * @param retryRollsDeg      when no upright face is found, the print is searched again turned by these angles
     * @param chinBelowBoxTop    chin = face-box top + this × box height (calibrated on faces/plain)
     * @param chinBelowEyesIpd   chin = eye line + this × eye distance (hand-marked on ten faces/plain: 1.69–2.0)
     */
    public record Face(String cascadeDir, String faceCascade, String eyeCascade, double minFaceMm, int minNeighbours,
                       double secondFaceMinRatio, List<Double> retryRollsDeg, double chinBelowBoxTop,
                       double chinBelowEyesIpd) {
    }

    /**
     * Head size and position (SPEC §3 FACE_FRAMING).
     *
     * @param crownToChinMm       crown (top of the hair) to chin
     * @param topMarginMm         top edge of the print to the crown
     * @param centreOffsetMm      face centre to the print's vertical centre line
     * @param crownColourDistance colour distance from the background at which the head silhouette starts
     */
    public record Framing(Band crownToChinMm, Band topMarginMm, Band centreOffsetMm, int crownColourDistance) {
    }

    /**
     * A head tilted (roll) or turned (yaw).
     *
     * @param rollDeg      eye-line angle
     * @param eyeAsymmetry horizontal offset of the eye midpoint from the face-box centre, in face widths
     */
    public record Frontal(Band rollDeg, Band eyeAsymmetry) {
    }

    /**
     * The background outside the head: the top corners, the band above the head and the sides beside it.
     *
     * @param edgeDensity fraction of edge pixels
     * @param texture     mean local standard deviation, grey levels
     * @param shade       largest difference between the mean brightness of background blocks, grey levels
     */
    public record Background(Band edgeDensity, Band texture, Band shade) {
    }

    /**
     * Headwear heuristic (see {@link HeadwearCheck}).
     *
     * @param enabled false turns the check off (it is a heuristic; see the class comment)
     * @param colour  fraction of the head top in a vivid colour that is neither skin nor hair
     * @param edge    fraction of the forehead crossed by one straight horizontal edge; a fringe can do that too,
     *                so the margin keeps this cue at REVIEW
     * @param texture median fine texture of the head top (grey levels): hair is made of strands, fabric over the
     *                head is smoother; a bald or shaved head is smooth too, so the margin keeps this cue at REVIEW
     * @param lighter how much lighter the head top is than the middle of the face (median grey levels): light fabric
     *                (a white or grey headscarf, a beige beanie), or white/blond hair, so the margin keeps it at REVIEW
     * @param saturation how much more saturated (HSV, 0–255) the head top is than the face, colour prints only:
     *                hair is hardly ever more saturated than skin, a dyed fabric often is (in any hue, also brown
     *                or red); red hair can be too, so the margin keeps it at REVIEW
     * @param pale    a head top as light as the face with few hair-dark pixels that is also grey (colour prints) or
     *                rougher than the face: fabric, or grey/white hair; review only
     */
    public record Headwear(boolean enabled, Band colour, Band edge, Band texture, Band lighter, Band saturation,
                           Pale pale) {
    }

    /**
     * The pale head-top cue (see {@link HeadwearCheck}): it fires when the head top is at least {@code minLighter}
     * lighter than the face (negative: darker by at most that much), at most {@code maxDark} of it is hair-dark,
     * and either its saturation is at most {@code maxSaturation} above the face's (a colour print: negative, so
     * greyer than the skin) or its texture is at least {@code minTextureRatio} times the face's.
     */
    public record Pale(double minLighter, double maxDark, double maxSaturation, double minTextureRatio) {
    }

    /**
     * Sharpness and exposure of the face.
     *
     * @param sharpness  variance of the Laplacian of the face resampled to a fixed size
     * @param brightness mean grey level of the face
     * @param contrast   spread of the face's grey levels (95th − 5th percentile)
     * @param highlights 95th percentile of the whole print's grey levels (underexposure)
     * @param shadows    5th percentile of the whole print's grey levels (washed out)
     */
    public record Quality(Band sharpness, Band brightness, Band contrast, Band highlights, Band shadows) {
    }

    public static PhotoProperties defaults() {
        return new PhotoProperties(
                new Print(8, 10, Band.between(33.5, 36.5, 0.7), Band.between(43.5, 46.5, 0.7), 150, 18, 1.2,
                        new MmRect(157.5, 96, 32, 4)),
                new Face("/usr/share/opencv4/haarcascades", "haarcascade_frontalface_alt2.xml",
                        "haarcascade_eye.xml", 7, 4, 0.5, List.of(-15.0, 15.0), 1.08, 1.78),
                new Framing(Band.between(32, 36, 1), Band.between(2, 6, 1), Band.between(-2, 2, 1), 25),
                new Frontal(Band.between(-8, 8, 4), Band.between(-0.08, 0.08, 0.04)),
                new Background(Band.atMost(0.01, 0.01), Band.atMost(1.0, 0.5), Band.atMost(15, 10)),
                new Headwear(true, Band.atMost(0.12, 0.13), Band.atMost(0.9, 1.0), Band.atLeast(3.0, 3.0),
                        Band.atMost(25, 255), Band.atMost(30, 255),
                        new Pale(-40, 0.35, -40, 1.1)),
                new Quality(Band.atLeast(700, 300), Band.between(30, 235, 10), Band.atLeast(50, 10),
                        Band.atLeast(120, 30), Band.atMost(140, 30)));
    }
}
