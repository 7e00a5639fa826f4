package org.shinsei.photo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The shared real faces (../shared/data/faces), read at test time, never copied into the repository.
 * For faces/plain the framing ground truth: the crown is the first row above the eyes that leaves the plain
 * background (derived here); the chin is the hand-marked {@code chin.csv}; the pupils are {@code pupils.csv}.
 */
final class FaceSamples {

    static final Path FACES = Path.of("..", "shared", "data", "faces");

    /** A source face: the image and its framing ground truth in source pixels. */
    record Face(String name, Mat bgr, Point leftPupil, Point rightPupil, double crownY, double chinY) {
        double centreX() {
            return (leftPupil.x + rightPupil.x) / 2;
        }

        double eyeY() {
            return (leftPupil.y + rightPupil.y) / 2;
        }
    }

    private FaceSamples() {
    }

    static boolean available() {
        return Files.isReadable(FACES.resolve("plain").resolve("pupils.csv"));
    }

    /** Plain faces whose head top is inside the image (the framing needs a visible crown). */
    static List<Face> plain() throws IOException {
        List<Face> out = new ArrayList<>();
        Path dir = FACES.resolve("plain");
        java.util.Map<String, Double> chins = new java.util.HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("chin.csv")).subList(1, Files.readAllLines(dir.resolve("chin.csv")).size())) {
            String[] c = line.split(",");
            chins.put(c[0], Double.parseDouble(c[2]));
        }
        for (String line : Files.readAllLines(dir.resolve("pupils.csv")).subList(1, 61)) {
            String[] f = line.split(",");
            Mat img = Imgcodecs.imread(dir.resolve(f[0]).toString());
            if (img.empty()) {
                throw new IOException("cannot read " + dir.resolve(f[0]));
            }
            Point l = new Point(Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            Point r = new Point(Double.parseDouble(f[3]), Double.parseDouble(f[4]));
            double ipd = Math.hypot(r.x - l.x, r.y - l.y);
            double eyeY = (l.y + r.y) / 2;
            int crown = crownRow(img, (l.x + r.x) / 2, ipd, eyeY);
            if (crown < 3) {
                img.release();
                continue;
            }
            Double chin = chins.get(f[0]);
            if (chin == null) {
                throw new IOException("no chin.csv row for " + f[0]);
            }
            out.add(new Face(f[0], img, l, r, crown, chin));
        }
        return out;
    }

    /**
     * Faces without pupil ground truth, framed from the face mesh found on the source: pupils from the eye contours,
     * chin at mesh point 152, crown above the forehead point by a third of forehead-to-chin (only roughly right; cases
     * built from these tolerate FACE_FRAMING). A picture where no face is found is framed as if the face filled the
     * middle of it.
     */
    static Face fromMesh(String name, Mat bgr) {
        FaceFinding found = new FaceFinder(PhotoProperties.defaults().face()).find(bgr, 1);
        if (!found.found()) {
            double cx = bgr.cols() / 2.0;
            double eyeY = bgr.rows() * 0.4;
            return new Face(name, bgr, new Point(cx - 0.1 * bgr.cols(), eyeY), new Point(cx + 0.1 * bgr.cols(), eyeY),
                    bgr.rows() * 0.1, bgr.rows() * 0.8);
        }
        FaceLandmarks lm = found.landmarks();
        double forehead = lm.forehead().y;
        double chin = lm.chin().y;
        return new Face(name, bgr, lm.leftEye(), lm.rightEye(), forehead - (chin - forehead) / 3, chin);
    }

    static List<Mat> images(String folder) throws IOException {
        List<Mat> out = new ArrayList<>();
        try (var files = Files.list(FACES.resolve(folder))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).sorted().toList()) {
                Mat m = Imgcodecs.imread(p.toString());
                if (m.empty()) {
                    throw new IOException("cannot read " + p);
                }
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Top of the head on the plain light background: the first row where ≥ 8 px near the face centre differ by
     * more than 25 levels from the row's median over the whole image width (the studio background is
     * vignetted, so one colour for all rows would not do).
     */
    private static int crownRow(Mat img, double cx, double ipd, double eyeY) {
        int x0 = (int) Math.max(0, cx - 1.3 * ipd);
        int x1 = (int) Math.min(img.cols(), cx + 1.3 * ipd);
        int cols = img.cols();
        byte[] row = new byte[cols * 3];
        int[] hist = new int[256];
        double[] med = new double[3];
        for (int y = 0; y < eyeY; y++) {
            img.get(y, 0, row);
            for (int c = 0; c < 3; c++) {
                java.util.Arrays.fill(hist, 0);
                for (int x = 0; x < cols; x++) {
                    hist[row[x * 3 + c] & 0xff]++;
                }
                med[c] = PrintLocator.percentile(hist, 0.5);
            }
            int n = 0;
            for (int x = x0; x < x1; x++) {
                int d = 0;
                for (int c = 0; c < 3; c++) {
                    d = Math.max(d, (int) Math.abs((row[x * 3 + c] & 0xff) - med[c]));
                }
                if (d > 25) {
                    n++;
                }
            }
            if (n >= 8) {
                return y;
            }
        }
        return -1;
    }

    static double[] cornerColour(Mat img) {
        int s = Math.min(img.cols(), img.rows()) / 15;
        Mat a = img.submat(new Rect(0, 0, s, s));
        Mat b = img.submat(new Rect(img.cols() - s, 0, s, s));
        try {
            double[] ma = Core.mean(a).val;
            double[] mb = Core.mean(b).val;
            return new double[] {(ma[0] + mb[0]) / 2, (ma[1] + mb[1]) / 2, (ma[2] + mb[2]) / 2};
        } finally {
            a.release();
            b.release();
        }
    }
}
