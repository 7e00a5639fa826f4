package org.shinsei.photo;

import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.MmRect;
import org.shinsei.registration.PageTransform;
import org.shinsei.registration.RegisteredPage;

/**
 * A scan of the part of the form around the photo box, made at test time: paper tone, the dashed green guide
 * and a caption, the print pasted with its offset, rotation and size, then page skew, blur, noise and JPEG.
 * The {@link RegisteredPage} carries the true page-mm → pixel transform, as registration would give it.
 */
final class MiniScan {

    /** The page window scanned, mm: wide enough for the photo box grown by the search margin. */
    static final MmRect WINDOW = new MmRect(138, 32, 70, 80);

    /** How the print was pasted: its physical size, its offset from the photo box centre and its rotation. */
    record Paste(double widthMm, double heightMm, double dxMm, double dyMm, double rotationDeg) {
        static Paste exact() {
            return new Paste(35, 45, 0, 0, 0);
        }
    }

    /** Scanner conditions within SPEC §1 (paper tone 235–253, as org.shinsei.sample.ScanConditions suggests). */
    record Conditions(double dpi, boolean grey, int jpegQuality, double noise, double blurPx, double skewDeg,
                      double paperTone) {
        static Conditions random(Random rnd) {
            double[] dpis = {200, 300, 300, 400};
            return new Conditions(dpis[rnd.nextInt(dpis.length)], rnd.nextInt(4) == 0, 30 + rnd.nextInt(61),
                    1 + 3 * rnd.nextDouble(), 0.3 + 0.6 * rnd.nextDouble(), -5 + 10 * rnd.nextDouble(),
                    235 + 18 * rnd.nextDouble());
        }
    }

    private MiniScan() {
    }

    /** @param print BGR print at {@link PrintFactory#PX_PER_MM}, or null for no photo */
    static RegisteredPage scan(MmRect photoBox, Mat print, Paste paste, Conditions c, long seed) {
        double s = c.dpi() / 25.4;
        int w = (int) Math.round(WINDOW.width() * s);
        int h = (int) Math.round(WINDOW.height() * s);
        Mat page = new Mat(h, w, CvType.CV_8UC3, new Scalar(c.paperTone() - 3, c.paperTone(), c.paperTone() + 1));
        drawGuide(page, photoBox, s);
        if (print != null) {
            paste(page, print, photoBox, paste, s);
        }
        Point centre = new Point(w / 2.0, h / 2.0);
        Mat rot = Imgproc.getRotationMatrix2D(centre, c.skewDeg(), 1);
        Mat skewed = new Mat();
        Imgproc.warpAffine(page, skewed, rot, page.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        double[] r = new double[6];
        rot.get(0, 0, r);
        PageTransform t = new PageTransform(r[0] * s, r[1] * s, -r[0] * s * WINDOW.x() - r[1] * s * WINDOW.y() + r[2],
                r[3] * s, r[4] * s, -r[3] * s * WINDOW.x() - r[4] * s * WINDOW.y() + r[5]);
        Imgproc.GaussianBlur(skewed, skewed, new Size(0, 0), c.blurPx());
        Mat noise = new Mat(skewed.size(), CvType.CV_16SC3);
        Core.setRNGSeed((int) seed);
        Core.randn(noise, 0, c.noise());
        Mat s16 = new Mat();
        skewed.convertTo(s16, CvType.CV_16SC3);
        Core.add(s16, noise, s16);
        s16.convertTo(skewed, CvType.CV_8UC3);
        Mat image = skewed;
        if (c.grey()) {
            image = new Mat();
            Imgproc.cvtColor(skewed, image, Imgproc.COLOR_BGR2GRAY);
            skewed.release();
        }
        Mat decoded = jpeg(image, c.jpegQuality());
        for (Mat x : new Mat[] {page, rot, image, noise, s16}) {
            x.release();
        }
        Mat grey = decoded;
        if (decoded.channels() == 3) {
            grey = new Mat();
            Imgproc.cvtColor(decoded, grey, Imgproc.COLOR_BGR2GRAY);
        }
        return new RegisteredPage(1, decoded, grey, t, 0, c.skewDeg(), c.dpi(), c.dpi());
    }

    private static void drawGuide(Mat page, MmRect box, double s) {
        Scalar green = new Scalar(110, 150, 0);
        int thick = Math.max(1, (int) Math.round(0.3 * s));
        double[][] corners = {{box.x(), box.y()}, {box.x() + box.width(), box.y()},
            {box.x() + box.width(), box.y() + box.height()}, {box.x(), box.y() + box.height()}};
        for (int i = 0; i < 4; i++) {
            double[] a = corners[i];
            double[] b = corners[(i + 1) % 4];
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            for (double d = 0; d < len; d += 3) {
                double e = Math.min(len, d + 2);
                Imgproc.line(page, px(a, b, d / len, s), px(a, b, e / len, s), green, thick);
            }
        }
        Imgproc.putText(page, "PHOTO 4.5cm x 3.5cm", new Point((box.x() - WINDOW.x()) * s, (box.y() + 49 - WINDOW.y()) * s),
                Imgproc.FONT_HERSHEY_SIMPLEX, 2.8 * s / 22, new Scalar(20, 20, 20), Math.max(1, (int) Math.round(0.25 * s)));
    }

    private static Point px(double[] a, double[] b, double t, double s) {
        return new Point((a[0] + t * (b[0] - a[0]) - WINDOW.x()) * s, (a[1] + t * (b[1] - a[1]) - WINDOW.y()) * s);
    }

    private static void paste(Mat page, Mat print, MmRect box, Paste p, double s) {
        double sx = p.widthMm() * s / print.cols();
        double sy = p.heightMm() * s / print.rows();
        double cx = (box.centreX() + p.dxMm() - WINDOW.x()) * s;
        double cy = (box.centreY() + p.dyMm() - WINDOW.y()) * s;
        double a = Math.toRadians(p.rotationDeg());
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double hw = print.cols() / 2.0;
        double hh = print.rows() / 2.0;
        Mat m = new Mat(2, 3, CvType.CV_64F);
        m.put(0, 0, cos * sx, -sin * sy, cx - cos * sx * hw + sin * sy * hh,
                sin * sx, cos * sy, cy - sin * sx * hw - cos * sy * hh);
        Mat warped = new Mat();
        Imgproc.warpAffine(print, warped, m, page.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        Mat mask = new Mat();
        Mat white = new Mat(print.size(), CvType.CV_8UC1, new Scalar(255));
        Imgproc.warpAffine(white, mask, m, page.size(), Imgproc.INTER_NEAREST);
        warped.copyTo(page, mask);
        for (Mat x : new Mat[] {m, warped, mask, white}) {
            x.release();
        }
    }

    /** A JPEG round trip at {@code quality}; 0 or less: lossless (the image as scanned). */
    private static Mat jpeg(Mat img, int quality) {
        if (quality <= 0) {
            return img.clone();
        }
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".jpg", img, buf, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        Mat out = Imgcodecs.imdecode(buf, img.channels() == 3 ? Imgcodecs.IMREAD_COLOR : Imgcodecs.IMREAD_GRAYSCALE);
        buf.release();
        return out;
    }
}
