package org.shinsei.photo;

import java.util.List;

import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * The faces found on an upright print, in print pixels.
 *
 * @param faces     a box per face that counts (the main one first): the main face's box spans the cheeks across and
 *                  ends just above the chin, the other faces' boxes are the detector's
 * @param landmarks the face mesh of the main face, or null when no face was found
 */
public record FaceFinding(List<Rect> faces, FaceLandmarks landmarks) {

    public static final FaceFinding NONE = new FaceFinding(List.of(), null);

    public FaceFinding {
        faces = List.copyOf(faces);
    }

    public boolean found() {
        return !faces.isEmpty();
    }

    public Rect main() {
        return faces.get(0);
    }

    /** Centre of the eye on the image's left, from the mesh. */
    public Point leftEye() {
        return landmarks.leftEye();
    }

    public Point rightEye() {
        return landmarks.rightEye();
    }

    /**
     * The main face as a square box in the convention {@link BackgroundCheck} was calibrated with (the Haar face box
     * it was written for): the eye line 0.4 of the side below its top, the chin 1.08 sides below it, centred on the
     * eyes.
     */
    public Rect backgroundBox() {
        double eyeX = (leftEye().x + rightEye().x) / 2;
        double eyeY = (leftEye().y + rightEye().y) / 2;
        double side = Math.max(1, (landmarks.chin().y - eyeY) / (1.08 - 0.4));
        return new Rect((int) Math.round(eyeX - side / 2), (int) Math.round(eyeY - 0.4 * side),
                (int) Math.round(side), (int) Math.round(side));
    }
}
