package org.shinsei.photo;


import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe's 468-point face mesh ({@code face_landmark.tflite}): a 192 × 192 RGB crop in [0, 1] around the face,
 * turned so the eyes are level, gives 468 × (x, y, z) in crop pixels and a face-presence logit. Run twice: first
 * on a crop from the detector's box, then on a square crop {@link #REFIT} times the bounding box of the first
 * pass's points, which places the chin far better than the detector's box does. Thread-safe: each thread runs its
 * own network.
 */
final class FaceMesh {

    static final String MODEL = "/models/face_landmark.tflite";
    static final int INPUT = 192;
    /** The first crop: the detector's box side times this (MediaPipe's own factor). */
    private static final double FIRST = 1.5;
    /** The second crop: the first pass's point box times this. */
    static final double REFIT = 1.6;

    /** The crop in image pixels: centre, side, turn (radians, the eye line's angle). */
    record Crop(Point centre, double side, double angle) {
        /** Crop-pixel → image-pixel affine, 2 × 3. */
        double[] toImage() {
            double k = side / INPUT;
            double c = Math.cos(angle) * k;
            double s = Math.sin(angle) * k;
            double h = INPUT / 2.0;
            return new double[] {c, -s, centre.x - c * h + s * h, s, c, centre.y - s * h - c * h};
        }
    }

    private final TfliteModel model;

    FaceMesh() {
        this.model = new TfliteModel(MODEL);
    }

    /** The mesh on {@code bgr} for the face the detector found, refined by a second pass. */
    FaceLandmarks landmarks(Mat bgr, FaceDetector.Detection d) {
        double angle = Math.atan2(d.leftEye().y - d.rightEye().y, d.leftEye().x - d.rightEye().x);
        Point centre = new Point(d.box().x + d.box().width / 2, d.box().y + d.box().height / 2);
        double side = FIRST * Math.max(d.box().width, d.box().height);
        FaceLandmarks first = run(bgr, new Crop(centre, side, angle), false);
        return run(bgr, refit(first), false);
    }

    /** A crop around the points of a pass: turned with their eye line, {@link #REFIT} times their box. */
    static Crop refit(FaceLandmarks lm) {
        Point r = lm.point(33);
        Point l = lm.point(263);
        double angle = Math.atan2(l.y - r.y, l.x - r.x);
        double c = Math.cos(-angle);
        double s = Math.sin(-angle);
        double minU = Double.MAX_VALUE;
        double maxU = -Double.MAX_VALUE;
        double minV = Double.MAX_VALUE;
        double maxV = -Double.MAX_VALUE;
        for (int i = 0; i < FaceLandmarks.POINTS; i++) {
            Point p = lm.point(i);
            double u = c * p.x - s * p.y;
            double v = s * p.x + c * p.y;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double u = (minU + maxU) / 2;
        double v = (minV + maxV) / 2;
        // back from the turned frame
        Point centre = new Point(c * u + s * v, -s * u + c * v);
        return new Crop(centre, REFIT * Math.max(maxU - minU, maxV - minV), angle);
    }

    /** The mesh on {@code crop}; {@code mirror}: on the crop flipped left to right, points mapped back (not re-indexed). */
    FaceLandmarks run(Mat bgr, Crop crop, boolean mirror) {
        double[] a = crop.toImage();
        float[] out = new float[FaceLandmarks.POINTS * 3];
        float[] flag = new float[1];
        try (Mats m = new Mats()) {
            Mat affine = m.add(new Mat(2, 3, CvType.CV_64F));
            affine.put(0, 0, a);
            Mat patch = m.create();
            Imgproc.warpAffine(bgr, patch, affine, new Size(INPUT, INPUT),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, org.opencv.core.Core.BORDER_REPLICATE);
            if (mirror) {
                org.opencv.core.Core.flip(patch, patch, 1);
            }
            if (patch.channels() == 1) {
                Imgproc.cvtColor(patch, patch, Imgproc.COLOR_GRAY2BGR);
            }
            Mat blob = m.add(Dnn.blobFromImage(patch, 1 / 255.0, new Size(INPUT, INPUT), Scalar.all(0), true, false,
                    CvType.CV_32F));
            model.run(blob, out, flag);
        }
        double[] xyz = new double[out.length];
        for (int i = 0; i < FaceLandmarks.POINTS; i++) {
            double u = mirror ? INPUT - out[3 * i] : out[3 * i];
            double v = out[3 * i + 1];
            xyz[3 * i] = a[0] * u + a[1] * v + a[2];
            xyz[3 * i + 1] = a[3] * u + a[4] * v + a[5];
            xyz[3 * i + 2] = out[3 * i + 2] * crop.side() / INPUT;
        }
        return new FaceLandmarks(xyz, 1 / (1 + Math.exp(-flag[0])));
    }
}
