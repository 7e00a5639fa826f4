package org.shinsei.photo;

import java.util.List;

import org.shinsei.decision.Reason;

/**
 * What was measured on the pasted photo, in millimetres on the print (SPEC §3 {@code photo}); a value is
 * null when it could not be measured (no photo, no face).
 *
 * @param widthMm        print width
 * @param heightMm       print height
 * @param faceHeightMm   crown (top of the hair) to chin
 * @param topMarginMm    top edge of the print to the crown
 * @param centreOffsetMm face centre to the print's vertical centre line (signed, + = right)
 * @param rollDeg        head tilt from the eye line (signed)
 * @param faces          number of faces found
 * @param reasons        PHOTO_*, FACE_*, BACKGROUND_NOT_PLAIN, HEADWEAR
 * @param points         the face mesh's pupils and chin on the print (mm from its top-left corner), or null
 */
public record PhotoMeasurement(Double widthMm, Double heightMm, Double faceHeightMm, Double topMarginMm,
                               Double centreOffsetMm, Double rollDeg, int faces, List<Reason> reasons,
                               FacePoints points) {

    /** Pupils (image left, image right) and chin, mm from the print's top-left corner. */
    public record FacePoints(double leftEyeXMm, double leftEyeYMm, double rightEyeXMm, double rightEyeYMm,
                             double chinXMm, double chinYMm) {
    }
}
