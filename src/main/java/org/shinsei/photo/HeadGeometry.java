package org.shinsei.photo;

/**
 * The head on the upright print, in millimetres from the print's top-left corner.
 *
 * @param crownMm         top of the hair
 * @param crownFound      false when the head top could not be told from the background (crown estimated from the mesh)
 * @param chinMm          chin (face mesh point 152 plus the calibrated offset)
 * @param centreOffsetMm  eye midpoint minus the print's vertical centre line (+ = right)
 * @param rollDeg         eye-line angle (positive: the right-hand eye lower)
 * @param yawDeg          head turn from the depth of the outer eye corners (mesh z)
 * @param leftPupil       pupil on the image's left, mm
 * @param rightPupil      pupil on the image's right, mm
 * @param chin            chin point, mm
 * @param foreheadMm      top of the forehead (mesh point 10), mm from the print's top
 */
public record HeadGeometry(double crownMm, boolean crownFound, double chinMm, double centreOffsetMm, Double rollDeg,
                           Double yawDeg, PointMm leftPupil, PointMm rightPupil, PointMm chin,
                           double foreheadMm) {

    /** A point on the print, mm from its top-left corner. */
    public record PointMm(double x, double y) {
    }

    public double crownToChinMm() {
        return chinMm - crownMm;
    }
}
