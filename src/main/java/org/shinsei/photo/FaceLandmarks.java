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

    /**
     * The centre of the eye on the image's left (the person's right eye), standing for the pupil: across, midway
     * between its corners (33, 133); down, midway between the middles of its upper and lower lids (159, 145).
     */
    Point leftEye() {
        return eye(33, 133, 159, 145);
    }

    /** The same for the eye on the image's right (corners 263, 362; lids 386, 374). */
    Point rightEye() {
        return eye(263, 362, 386, 374);
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

    private Point eye(int outer, int inner, int upper, int lower) {
        return new Point((xyz[3 * outer] + xyz[3 * inner]) / 2, (xyz[3 * upper + 1] + xyz[3 * lower + 1]) / 2);
    }
}
