package org.shinsei.photo;

/**
 * The head on the upright print, in millimetres from the print's top-left corner.
 *
 * @param crownMm         top of the hair
 * @param crownFound      false when the head top could not be told from the background (crown estimated from the face box)
 * @param chinMm          chin, estimated from the face box
 * @param centreOffsetMm  face centre minus the print's vertical centre line (+ = right)
 * @param rollDeg         eye-line angle (positive: the right-hand eye lower), or null when not measured
 * @param eyeAsymmetry    eye midpoint minus face-box centre, in face widths (a turned head), or null
 */
public record HeadGeometry(double crownMm, boolean crownFound, double chinMm, double centreOffsetMm, Double rollDeg,
                           Double eyeAsymmetry) {

    public double crownToChinMm() {
        return chinMm - crownMm;
    }
}
