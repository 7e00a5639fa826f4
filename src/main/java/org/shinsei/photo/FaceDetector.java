package org.shinsei.photo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect2d;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe's BlazeFace short-range detector ({@code face_detection_short_range.tflite}): 128 × 128 RGB in
 * [-1, 1], 896 anchors (stride 8: 16 × 16 × 2; stride 16: 8 × 8 × 6), per anchor a score logit and 16 regressors
 * (box centre, width, height, then six key points: eyes, nose, mouth, ears), in input pixels relative to the anchor.
 * Thread-safe: each thread runs its own network.
 */
final class FaceDetector {

    static final String MODEL = "/models/face_detection_short_range.tflite";
    private static final int INPUT = 128;
    private static final double NMS_IOU = 0.3;
    private static final double[][] ANCHORS = anchors();

    /** One face: box and key points in the pixels of the image searched, score in [0, 1]. */
    record Detection(Rect2d box, Point rightEye, Point leftEye, double score) {
        double width() {
            return box.width;
        }
    }

    private final TfliteModel model;
    private final double minScore;

    FaceDetector(double minScore) {
        this.model = new TfliteModel(MODEL);
        this.minScore = minScore;
    }

    /**
     * The faces on {@code bgr} (any size: it is padded to a square, top-left aligned), best first, at least
     * {@code minWidthPx} wide.
     */
    List<Detection> detect(Mat bgr, double minWidthPx) {
        int side = Math.max(bgr.cols(), bgr.rows());
        double scale = side / (double) INPUT;
        float[] reg = new float[896 * 16];
        float[] cls = new float[896];
        try (Mats m = new Mats()) {
            Mat square = m.create();
            Core.copyMakeBorder(bgr, square, 0, side - bgr.rows(), 0, side - bgr.cols(), Core.BORDER_CONSTANT,
                    Scalar.all(0));
            Mat small = m.create();
            Imgproc.resize(square, small, new Size(INPUT, INPUT), 0, 0, Imgproc.INTER_AREA);
            Mat blob = m.add(Dnn.blobFromImage(small, 1 / 127.5, new Size(INPUT, INPUT),
                    new Scalar(127.5, 127.5, 127.5), true, false, CvType.CV_32F));
            model.run(blob, reg, cls);
        }
        List<Detection> all = new ArrayList<>();
        for (int i = 0; i < 896; i++) {
            double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, cls[i]))));
            if (score < minScore) {
                continue;
            }
            double ax = ANCHORS[i][0] * INPUT;
            double ay = ANCHORS[i][1] * INPUT;
            int o = i * 16;
            double cx = (ax + reg[o]) * scale;
            double cy = (ay + reg[o + 1]) * scale;
            double w = reg[o + 2] * scale;
            double h = reg[o + 3] * scale;
            if (w < minWidthPx) {
                continue;
            }
            Point re = new Point((ax + reg[o + 4]) * scale, (ay + reg[o + 5]) * scale);
            Point le = new Point((ax + reg[o + 6]) * scale, (ay + reg[o + 7]) * scale);
            all.add(new Detection(new Rect2d(cx - w / 2, cy - h / 2, w, h), re, le, score));
        }
        all.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : all) {
            if (kept.stream().noneMatch(k -> iou(k.box(), d.box()) > NMS_IOU)) {
                kept.add(d);
            }
        }
        return kept;
    }

    static double iou(Rect2d a, Rect2d b) {
        double x0 = Math.max(a.x, b.x);
        double y0 = Math.max(a.y, b.y);
        double x1 = Math.min(a.x + a.width, b.x + b.width);
        double y1 = Math.min(a.y + a.height, b.y + b.height);
        double inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        return inter / (a.width * a.height + b.width * b.height - inter);
    }

    /** MediaPipe's SSD anchors for this model: centres in [0, 1], fixed size. */
    private static double[][] anchors() {
        double[][] a = new double[896][];
        int n = 0;
        int[][] layers = {{16, 2}, {8, 6}}; // feature map side, anchors per cell
        for (int[] layer : layers) {
            for (int y = 0; y < layer[0]; y++) {
                for (int x = 0; x < layer[0]; x++) {
                    for (int k = 0; k < layer[1]; k++) {
                        a[n++] = new double[] {(x + 0.5) / layer[0], (y + 0.5) / layer[0]};
                    }
                }
            }
        }
        return a;
    }
}
