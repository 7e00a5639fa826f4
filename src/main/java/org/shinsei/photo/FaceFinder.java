package org.shinsei.photo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Rect2d;
import org.opencv.imgproc.Imgproc;

/**
 * Finds and counts the faces on an upright print with the learned detector ({@link FaceDetector}, BlazeFace) and
 * measures the main one with the face mesh ({@link FaceMesh}). Thread-safe: each thread runs its own networks.
 */
public final class FaceFinder {

    private final PhotoProperties.Face cfg;
    private final FaceDetector detector;
    private final FaceMesh mesh;

    public FaceFinder(PhotoProperties.Face cfg) {
        this.cfg = cfg;
        this.detector = new FaceDetector(cfg.minScore());
        this.mesh = new FaceMesh();
    }

    /** Faces on {@code print} (upright, BGR or grey, at {@code pxPerMm}). */
    public FaceFinding find(Mat print, double pxPerMm) {
        try (Mats m = new Mats()) {
            Mat bgr = print;
            if (print.channels() == 1) {
                bgr = m.create();
                Imgproc.cvtColor(print, bgr, Imgproc.COLOR_GRAY2BGR);
            }
            List<FaceDetector.Detection> found = new ArrayList<>(detector.detect(bgr, cfg.minFaceMm() * pxPerMm));
            if (found.isEmpty()) {
                return FaceFinding.NONE;
            }
            found.sort(Comparator.comparingDouble(FaceDetector.Detection::width).reversed());
            FaceDetector.Detection main = found.get(0);
            FaceLandmarks lm = mesh.landmarks(bgr, main);
            if (lm.score() < cfg.minMeshScore()) {
                return FaceFinding.NONE;
            }
            List<Rect> faces = new ArrayList<>();
            faces.add(faceBox(lm));
            for (FaceDetector.Detection d : found.subList(1, found.size())) {
                if (d.width() >= cfg.secondFaceMinRatio() * main.width()) {
                    faces.add(rect(d.box()));
                }
            }
            return new FaceFinding(faces, lm);
        }
    }

    /** Cheek to cheek across (mesh points 234 and 454), square, its bottom a twelfth of its side above the chin. */
    static Rect faceBox(FaceLandmarks lm) {
        double x0 = lm.point(234).x;
        double x1 = lm.point(454).x;
        double side = Math.max(1, x1 - x0);
        double bottom = lm.chin().y - side / 12;
        return new Rect((int) Math.round(x0), (int) Math.round(bottom - side), (int) Math.round(side),
                (int) Math.round(side));
    }

    private static Rect rect(Rect2d r) {
        return new Rect((int) Math.round(r.x), (int) Math.round(r.y), (int) Math.round(r.width),
                (int) Math.round(r.height));
    }
}
