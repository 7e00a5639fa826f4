package org.shinsei.photo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Haar-cascade face and eye detection on an upright grey print. A {@link CascadeClassifier} keeps per-call
 * state, so one finder serves one thread at a time.
 */
public final class FaceFinder {

    private static final double SCALE_STEP = 1.1;
    /** The coarse search steps its window size by 20 %: it only has to find and count the faces. */
    private static final double COARSE_SCALE_STEP = 1.2;
    /**
     * Faces are searched for on a copy of the print at this resolution (px per mm): a compliant face box is ~22 mm,
     * ~55 px here, and the cascade's cost falls with the square of the resolution. Eyes are then searched for at
     * the print's own resolution, inside the face box only.
     */
    static final double DETECT_PX_PER_MM = 2.5;
    /** The main face is then placed again at this resolution, near where it was found (see {@link #refine}). */
    static final double REFINE_PX_PER_MM = 5;
    /** A lone face further off-centre or narrower than these (mm) triggers a fine search for a second one. */
    private static final double LONELY_OFF_CENTRE_MM = 4;
    private static final double LONELY_WIDTH_MM = 15;
    /** Eyes are searched for with the face box scaled to this width (px): eyes are then ~30 px, above the cascade's 20. */
    static final double EYE_FACE_WIDTH_PX = 120;

    private final PhotoProperties.Face cfg;
    private final CascadeClassifier faceCascade;
    private final CascadeClassifier eyeCascade;

    public FaceFinder(PhotoProperties.Face cfg) {
        this.cfg = cfg;
        this.faceCascade = load(Path.of(cfg.cascadeDir(), cfg.faceCascade()));
        this.eyeCascade = load(Path.of(cfg.cascadeDir(), cfg.eyeCascade()));
    }

    private static CascadeClassifier load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Haar cascade " + file + " is missing: install Debian package opencv-data "
                    + "or set shinsei.photo.face.cascade-dir");
        }
        CascadeClassifier c = new CascadeClassifier(file.toString());
        if (c.empty()) {
            throw new IllegalStateException("Haar cascade " + file + " cannot be loaded");
        }
        return c;
    }

    /** Faces on {@code grey} (an upright print at {@code pxPerMm}); tries turned copies when none is upright. */
    public FaceFinding find(Mat grey, double pxPerMm) {
        FaceFinding upright = findAt(grey, pxPerMm, 0);
        if (upright.found()) {
            return upright;
        }
        for (double roll : cfg.retryRollsDeg()) {
            FaceFinding turned = findAt(grey, pxPerMm, roll);
            if (turned.found()) {
                return turned;
            }
        }
        return FaceFinding.NONE;
    }

    private FaceFinding findAt(Mat grey, double pxPerMm, double rollDeg) {
        try (Mats m = new Mats()) {
            Mat img = grey;
            Mat back = null;
            if (rollDeg != 0) {
                Point c = new Point((grey.cols() - 1) / 2.0, (grey.rows() - 1) / 2.0);
                Mat rot = m.add(Imgproc.getRotationMatrix2D(c, rollDeg, 1));
                img = m.create();
                Imgproc.warpAffine(grey, img, rot, grey.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
                back = m.create();
                Imgproc.invertAffineTransform(rot, back);
            }
            List<Rect> faces = detectFaces(img, pxPerMm, m);
            if (faces.isEmpty()) {
                return FaceFinding.NONE;
            }
            Point[] eyes = eyes(img, faces.get(0), m);
            List<Rect> mapped = new ArrayList<>();
            for (Rect f : faces) {
                mapped.add(back == null ? f : mapRect(f, back));
            }
            Point left = eyes == null ? null : map(eyes[0], back);
            Point right = eyes == null ? null : map(eyes[1], back);
            return new FaceFinding(mapped, left, right, rollDeg);
        }
    }

    /** The main (largest) face first, then the others large enough and not nested in the main one. */
    private List<Rect> detectFaces(Mat full, double pxPerMm, Mats m) {
        double s = Math.min(1, DETECT_PX_PER_MM / pxPerMm);
        Mat img = full;
        if (s < 1) {
            img = m.create();
            Imgproc.resize(full, img, new Size(Math.round(full.cols() * s), Math.round(full.rows() * s)), 0, 0,
                    Imgproc.INTER_AREA);
        }
        MatOfRect found = m.add(new MatOfRect());
        int min = (int) Math.round(cfg.minFaceMm() * pxPerMm * s);
        faceCascade.detectMultiScale(img, found, COARSE_SCALE_STEP, cfg.minNeighbours() - 1, 0, new Size(min, min),
                new Size());
        List<Rect> all = new ArrayList<>();
        for (Rect r : found.toArray()) {
            all.add(scaled(r, 1 / s, 0, 0));
        }
        all.sort(Comparator.comparingDouble(Rect::area).reversed());
        // the coarse search is lenient (one neighbour fewer); every box must be confirmed by the fine one
        List<Rect> confirmed = new ArrayList<>();
        for (Rect r : all) {
            Rect fine = refine(full, r, pxPerMm, m);
            if (fine != null) {
                confirmed.add(fine);
            }
        }
        all = confirmed;
        if (all.size() == 1 && lonelyFaceLooksLikeOneOfMany(all.get(0), full, pxPerMm)) {
            // the coarse search steps 20 % at a time and can step over a second head: look again, finely
            double least = cfg.secondFaceMinRatio() * all.get(0).width * s;
            faceCascade.detectMultiScale(img, found, SCALE_STEP, cfg.minNeighbours(), 0, new Size(least, least),
                    new Size());
            for (Rect r : found.toArray()) {
                all.add(scaled(r, 1 / s, 0, 0));
            }
        }
        all.sort(Comparator.comparingDouble(Rect::area).reversed());
        List<Rect> kept = new ArrayList<>();
        for (Rect r : all) {
            if (kept.isEmpty()) {
                kept.add(r);
                continue;
            }
            Rect main = kept.get(0);
            Point c = new Point(r.x + r.width / 2.0, r.y + r.height / 2.0);
            boolean nested = c.inside(main);
            if (!nested && r.width >= cfg.secondFaceMinRatio() * main.width) {
                kept.add(r);
            }
        }
        return kept;
    }

    /**
     * A single face that is far off the centre line or small for an ID photo (compliant faces are ~20 mm wide,
     * centred within 2 mm): the kind of print where a second person may stand beside it.
     */
    private static boolean lonelyFaceLooksLikeOneOfMany(Rect face, Mat print, double pxPerMm) {
        double offCentreMm = Math.abs(face.x + face.width / 2.0 - print.cols() / 2.0) / pxPerMm;
        return offCentreMm > LONELY_OFF_CENTRE_MM || face.width / pxPerMm < LONELY_WIDTH_MM;
    }

    /**
     * A face box searched for again at {@link #REFINE_PX_PER_MM} around where the coarse search put it,
     * over sizes near its own: the box (from which the chin is estimated) is then placed to 0.2 mm, at a fraction
     * of the cost of a fine search over the whole print. Null when the fine search does not confirm the face.
     */
    private Rect refine(Mat full, Rect coarse, double pxPerMm, Mats m) {
        double s = Math.min(1, REFINE_PX_PER_MM / pxPerMm);
        int grow = (int) Math.round(0.3 * coarse.width);
        Rect roi = Mats.clip(new Rect(coarse.x - grow, coarse.y - grow, coarse.width + 2 * grow,
                coarse.height + 2 * grow), full);
        Mat img = m.add(full.submat(roi));
        if (s < 1) {
            Mat small = m.create();
            Imgproc.resize(img, small, new Size(Math.round(roi.width * s), Math.round(roi.height * s)), 0, 0,
                    Imgproc.INTER_AREA);
            img = small;
        }
        MatOfRect found = m.add(new MatOfRect());
        int min = (int) Math.round(0.8 * coarse.width * s);
        int max = (int) Math.round(1.25 * coarse.width * s);
        faceCascade.detectMultiScale(img, found, SCALE_STEP, cfg.minNeighbours(), 0, new Size(min, min),
                new Size(max, max));
        Rect best = null;
        for (Rect r : found.toArray()) {
            if (best == null || r.area() > best.area()) {
                best = r;
            }
        }
        return best == null ? null : scaled(best, 1 / s, roi.x, roi.y);
    }

    private static Rect scaled(Rect r, double k, int dx, int dy) {
        return new Rect((int) Math.round(dx + r.x * k), (int) Math.round(dy + r.y * k), (int) Math.round(r.width * k),
                (int) Math.round(r.height * k));
    }

    /** The two eye centres (image-left first) in the upper part of the face box, or null. */
    private Point[] eyes(Mat img, Rect face, Mats m) {
        int top = face.y + (int) Math.round(0.15 * face.height);
        int bottom = face.y + (int) Math.round(0.6 * face.height);
        Rect band = Mats.clip(new Rect(face.x, top, face.width, bottom - top), img);
        if (band.width < 10 || band.height < 5) {
            return null;
        }
        Mat roi = m.add(img.submat(band));
        double es = Math.min(1, EYE_FACE_WIDTH_PX / face.width);
        if (es < 1) {
            Mat small = m.create();
            Imgproc.resize(roi, small, new Size(Math.round(band.width * es), Math.round(band.height * es)), 0, 0,
                    Imgproc.INTER_AREA);
            roi = small;
        }
        MatOfRect found = m.add(new MatOfRect());
        int min = Math.max(5, (int) Math.round(0.12 * face.width * es));
        int max = (int) Math.round(0.4 * face.width * es);
        eyeCascade.detectMultiScale(roi, found, SCALE_STEP, 3, 0, new Size(min, min), new Size(max, max));
        Point bestLeft = null;
        Point bestRight = null;
        double leftArea = 0;
        double rightArea = 0;
        double mid = face.x + face.width / 2.0;
        for (Rect r : found.toArray()) {
            Point c = new Point(band.x + (r.x + r.width / 2.0) / es, band.y + (r.y + r.height / 2.0) / es);
            if (c.x < mid && r.area() > leftArea) {
                bestLeft = c;
                leftArea = r.area();
            } else if (c.x >= mid && r.area() > rightArea) {
                bestRight = c;
                rightArea = r.area();
            }
        }
        if (bestLeft == null || bestRight == null) {
            return null;
        }
        double d = Math.hypot(bestRight.x - bestLeft.x, bestRight.y - bestLeft.y);
        if (d < 0.25 * face.width || d > 0.7 * face.width) {
            return null;
        }
        return new Point[] {bestLeft, bestRight};
    }

    private static Point map(Point p, Mat affine) {
        if (affine == null) {
            return p;
        }
        double[] a = new double[6];
        affine.get(0, 0, a);
        return new Point(a[0] * p.x + a[1] * p.y + a[2], a[3] * p.x + a[4] * p.y + a[5]);
    }

    /** A box of the same size centred where the turned box's centre falls on the upright print. */
    private static Rect mapRect(Rect r, Mat affine) {
        Point c = map(new Point(r.x + r.width / 2.0, r.y + r.height / 2.0), affine);
        return new Rect((int) Math.round(c.x - r.width / 2.0), (int) Math.round(c.y - r.height / 2.0), r.width, r.height);
    }
}
