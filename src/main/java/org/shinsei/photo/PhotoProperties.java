package org.shinsei.photo;

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
     * Face detection and landmarks (MediaPipe's BlazeFace short-range detector and 468-point face mesh, TFLite
     * models under {@code src/main/resources/models}).
     *
     * @param minFaceMm              smallest face the detector reports (two heads side by side still exceed it)
     * @param minScore               detector score (0–1) from which a face counts
     * @param minMeshScore           the mesh's own face-presence score below which the main face is not a face
     * @param secondFaceMinRatio     another face counts only if at least this fraction of the main one's width
     * @param chinOffsetMm           added to mesh point 152's row for the chin (calibrated on faces/plain chin.csv,
     *                               odd person numbers)
     * @param pupilAboveEyeCentreIpd the pupil sits this far (eye distances) above the eye's centre between its lids
     *                               (calibrated on faces/plain pupils.csv, odd person numbers)
     */
    public record Face(double minFaceMm, double minScore, double minMeshScore, double secondFaceMinRatio,
                       double chinOffsetMm, double pupilAboveEyeCentreIpd) {
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
     * @param rollDeg eye-line angle
     * @param yawDeg  head turn, from the depth of the outer eye corners in the face mesh
     */
    public record Frontal(Band rollDeg, Band yawDeg) {
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
     * Headwear heuristic on the band above the forehead (see {@link HeadwearCheck}).
     *
     * @param enabled      false turns the check off (it is a heuristic; see the class comment)
     * @param colour       fraction of the band in a vivid colour that is neither skin nor hair (colour prints)
     * @param saturation   median saturation (HSV, 0–255) of the band minus the face's (colour prints): dyed fabric
     * @param lighter      how much lighter (median grey levels) the band is than the middle of the face; review only
     * @param headTop      crown above the forehead point, in forehead-to-chin heights; review only
     * @param textureRatio the band's fine texture over the face's; review only
     */
    public record Headwear(boolean enabled, Band colour, Band saturation, Band lighter, Band headTop,
                           Band textureRatio) {
    }

    /**
     * Sharpness and exposure of the face.
     *
     * @param sharpness  standard deviation of the Laplacian of the face at a fixed scale over its contrast, × 100
     *                   (see {@link QualityCheck})
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
                new Face(7, 0.5, 0.5, 0.5, -0.06, 0.026),
                new Framing(Band.between(32, 36, 1), Band.between(2, 6, 1), Band.between(-2, 2, 1), 25),
                new Frontal(Band.between(-8, 8, 4), Band.between(-12, 12, 6)),
                new Background(Band.atMost(0.01, 0.01), Band.atMost(1.0, 0.5), Band.atMost(15, 10)),
                new Headwear(true, Band.atMost(0.12, 0.13), Band.atMost(30, 30), Band.atMost(45, 255),
                        Band.atMost(0.62, 255), Band.atLeast(0.30, 255)),
                new Quality(Band.atLeast(26, 4), Band.between(30, 235, 10), Band.atLeast(50, 10),
                        Band.atLeast(120, 30), Band.atMost(140, 30)));
    }
}
