package org.shinsei.photo;

import java.util.List;

import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * The faces found on an upright print, in print pixels.
 *
 * @param faces       every face box that counts (the main one first)
 * @param leftEye     centre of the eye on the image's left, or null when the eyes were not found
 * @param rightEye    centre of the eye on the image's right, or null
 * @param searchRollDeg the angle the print had to be turned for the face to be found (0 = upright)
 */
public record FaceFinding(List<Rect> faces, Point leftEye, Point rightEye, double searchRollDeg) {

    public static final FaceFinding NONE = new FaceFinding(List.of(), null, null, 0);

    public FaceFinding {
        faces = List.copyOf(faces);
    }

    public boolean found() {
        return !faces.isEmpty();
    }

    public Rect main() {
        return faces.get(0);
    }

    public boolean eyesFound() {
        return leftEye != null && rightEye != null;
    }

    /** Eye-line angle in degrees, image coordinates (positive: the right-hand eye is lower), or null. */
    public Double eyeRollDeg() {
        if (!eyesFound()) {
            return null;
        }
        return Math.toDegrees(Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x));
    }
}
