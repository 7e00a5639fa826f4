package org.shinsei.photo;

import org.opencv.core.Point;

/**
 * The 468 points of MediaPipe's face mesh in image pixels (z in pixels too, towards the camera negative), and the
 * mesh's face-presence score. Indices follow MediaPipe's canonical face model: 152 the chin, 10 the top of the
 * forehead, 33 / 263 the outer eye corners (image left / right), 1 the nose tip.
 */
record FaceLandmarks(double[] xyz, double score) {

    static final int POINTS = 468;
    static final int CHIN = 152;
    static final int FOREHEAD = 10;
    static final int NOSE_TIP = 1;
    /** The contour of the eye on the image's left (the person's right eye). */
    static final int[] EYE_IMAGE_LEFT = {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246};
    /** The contour of the eye on the image's right (the person's left eye). */
    static final int[] EYE_IMAGE_RIGHT = {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388,
        466};

    Point point(int i) {
        return new Point(xyz[3 * i], xyz[3 * i + 1]);
    }

    double z(int i) {
        return xyz[3 * i + 2];
    }

    Point chin() {
        return point(CHIN);
    }

    Point forehead() {
        return point(FOREHEAD);
    }

    /** The eye centre on the image's left: the mean of its contour (stands for the pupil). */
    Point leftEye() {
        return mean(EYE_IMAGE_LEFT);
    }

    Point rightEye() {
        return mean(EYE_IMAGE_RIGHT);
    }

    /** Eye-line angle in degrees, image coordinates (positive: the right-hand eye is lower). */
    double rollDeg() {
        Point l = leftEye();
        Point r = rightEye();
        return Math.toDegrees(Math.atan2(r.y - l.y, r.x - l.x));
    }

    /**
     * Head turn in degrees from the depth of the outer eye corners: a frontal face has both at the same depth;
     * positive when the image-right corner is further away.
     */
    double yawDeg() {
        Point l = point(33);
        Point r = point(263);
        return Math.toDegrees(Math.atan2(z(263) - z(33), Math.hypot(r.x - l.x, r.y - l.y)));
    }

    /** Smallest x, y and largest x, y over all points. */
    double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < POINTS; i++) {
            b[0] = Math.min(b[0], xyz[3 * i]);
            b[1] = Math.min(b[1], xyz[3 * i + 1]);
            b[2] = Math.max(b[2], xyz[3 * i]);
            b[3] = Math.max(b[3], xyz[3 * i + 1]);
        }
        return b;
    }

    private Point mean(int[] idx) {
        double x = 0;
        double y = 0;
        for (int i : idx) {
            x += xyz[3 * i];
            y += xyz[3 * i + 1];
        }
        return new Point(x / idx.length, y / idx.length);
    }
}
