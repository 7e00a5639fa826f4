package org.shinsei.photo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the pasted print in a crop around the photo box. First roughly: the largest region that differs from
 * the paper once the thin things printed on the form (the dashed guide, frame lines) are opened away and the
 * caption's text is told apart from print; its minimum-area rectangle. Then {@link EdgeRefiner} puts each side
 * on the print's real edge and corrects the angle, which gives the size in millimetres.
 */
public final class PrintLocator {

    /** Width of the border of the crop that is taken as paper, in mm (the print sits well inside it). */
    private static final double PAPER_RING_MM = 2.5;
    /** Text strokes are closer together than this (mm), so paper shows within it anywhere in the caption. */
    private static final double TEXT_GAP_MM = 1.0;

    private final PhotoProperties.Print rules;

    public PrintLocator(PhotoProperties.Print rules) {
        this.rules = rules;
    }

    /**
     * The print in {@code crop} (BGR or grey at {@code rules.pxPerMm()}), or empty when none is pasted.
     *
     * @param caption where the form's caption is printed in the crop (px), or null: text there that the print does
     *                not cover is treated as paper
     */
    double pxPerMm() {
        return rules.pxPerMm();
    }

    public Optional<PrintRegion> locate(Mat crop, Rect caption) {
        double p = rules.pxPerMm();
        try (Mats m = new Mats()) {
            Mat grey = crop;
            if (crop.channels() == 3) {
                grey = m.create();
                Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
            }
            PaperDistance greyDistance = paperDistance(grey, m);
            Mat textMask = caption == null ? null : textLike(grey, greyDistance, caption, m);
            PaperDistance d = crop.channels() == 3 ? paperDistance(crop, m) : greyDistance;
            if (textMask != null) {
                d.distance().setTo(new Scalar(0), textMask);
                greyDistance.distance().setTo(new Scalar(0), textMask);
            }
            Mat mask = m.add(roughMask(d));
            List<MatOfPoint> contours = new ArrayList<>();
            Mat hierarchy = m.create();
            Imgproc.findContours(mask, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
            contours.forEach(m::add);
            MatOfPoint largest = null;
            double largestArea = 0;
            for (MatOfPoint c : contours) {
                double a = Imgproc.contourArea(c);
                if (a > largestArea) {
                    largestArea = a;
                    largest = c;
                }
            }
            if (largest == null || largestArea < rules.minAreaMm2() * p * p) {
                return Optional.empty();
            }
            // the edges are placed on grey levels: JPEG smears colour over whole blocks around the print's edge
            return Optional.of(new EdgeRefiner(p, greyDistance.noise()).refine(region(largest, m),
                    greyDistance.distance()));
        }
    }

    /**
     * Inside the caption zone, the pixels that are text rather than print: within a millimetre of them the
     * paper shows through (between the strokes), which never happens inside a print's darker body.
     */
    private Mat textLike(Mat grey, PaperDistance paper, Rect caption, Mats m) {
        Mat brightest = m.create();
        Imgproc.dilate(grey, brightest, disc(TEXT_GAP_MM * rules.pxPerMm(), m));
        Mat text = m.create();
        Imgproc.threshold(brightest, text, paper.level() - paper.threshold(), 255, Imgproc.THRESH_BINARY);
        Mat zone = m.add(Mat.zeros(grey.size(), CvType.CV_8UC1));
        Imgproc.rectangle(zone, caption.tl(), caption.br(), new Scalar(255), -1);
        Core.bitwise_and(text, zone, text);
        return text;
    }

    private Mat roughMask(PaperDistance d) {
        double p = rules.pxPerMm();
        try (Mats m = new Mats()) {
            Mat mask = m.create();
            Imgproc.threshold(d.distance(), mask, d.threshold(), 255, Imgproc.THRESH_BINARY);
            Mat out = new Mat();
            Imgproc.morphologyEx(mask, out, Imgproc.MORPH_CLOSE, disc(2 * p, m));
            return out;
        }
    }

    private PrintRegion region(MatOfPoint contour, Mats m) {
        MatOfInt hullIdx = m.add(new MatOfInt());
        Imgproc.convexHull(contour, hullIdx);
        Point[] pts = contour.toArray();
        int[] idx = hullIdx.toArray();
        Point[] hull = new Point[idx.length];
        for (int i = 0; i < idx.length; i++) {
            hull[i] = pts[idx[i]];
        }
        MatOfPoint2f hull2f = m.add(new MatOfPoint2f(hull));
        RotatedRect r = Imgproc.minAreaRect(hull2f);
        Point[] corners = new Point[4];
        r.points(corners);
        double[] e1 = {corners[1].x - corners[0].x, corners[1].y - corners[0].y};
        double[] e2 = {corners[2].x - corners[1].x, corners[2].y - corners[1].y};
        // The side closer to horizontal is the width; its direction folded into ±90° is the rotation.
        double[] wSide = Math.abs(e1[0]) >= Math.abs(e1[1]) ? e1 : e2;
        double[] hSide = wSide == e1 ? e2 : e1;
        double angle = Math.toDegrees(Math.atan2(wSide[1], wSide[0]));
        if (angle > 90) {
            angle -= 180;
        } else if (angle < -90) {
            angle += 180;
        }
        return new PrintRegion(r.center.x, r.center.y, Math.hypot(wSide[0], wSide[1]), Math.hypot(hSide[0], hSide[1]),
                angle, rules.pxPerMm(), 0);
    }

    /**
     * How far each pixel is from the paper colour (largest channel difference, median-filtered), and the
     * level above which a pixel is not paper: the configured floor or four times the paper's own noise (a robust
     * standard deviation of the grey levels around the crop's border).
     */
    record PaperDistance(Mat distance, double threshold, double noise, double level) {
    }

    private PaperDistance paperDistance(Mat crop, Mats m) {
        int ring = (int) Math.round(PAPER_RING_MM * rules.pxPerMm());
        int channels = crop.channels();
        byte[] data = new byte[(int) crop.total() * channels];
        crop.get(0, 0, data);
        double[] paper = new double[channels];
        double noise = 0;
        for (int c = 0; c < channels; c++) {
            int[] hist = ringHistogram(data, crop.cols(), crop.rows(), channels, c, ring);
            paper[c] = percentile(hist, 0.5);
            int[] dev = new int[256];
            for (int v = 0; v < 256; v++) {
                dev[(int) Math.min(255, Math.abs(v - paper[c]))] += hist[v];
            }
            noise = Math.max(noise, 1.4826 * percentile(dev, 0.5));
        }
        Mat diff = m.create();
        Core.absdiff(crop, new Scalar(paper), diff);
        Mat maxDiff = m.create();
        if (channels == 1) {
            diff.copyTo(maxDiff);
        } else {
            List<Mat> planes = new ArrayList<>();
            Core.split(diff, planes);
            planes.forEach(m::add);
            Core.max(planes.get(0), planes.get(1), maxDiff);
            Core.max(maxDiff, planes.get(2), maxDiff);
        }
        Imgproc.medianBlur(maxDiff, maxDiff, 5);
        // a grey-level opening erases what is thinner than the kernel (the dashed guide, caption strokes, frame
        // lines) and keeps the print's broad body and the position of its edges
        Imgproc.morphologyEx(maxDiff, maxDiff, Imgproc.MORPH_OPEN, disc(rules.cleanKernelMm() * rules.pxPerMm(), m));
        return new PaperDistance(maxDiff, Math.max(rules.minPaperDifference(), 4 * noise), noise, paper[0]);
    }

    private static int[] ringHistogram(byte[] data, int cols, int rows, int channels, int channel, int ring) {
        int[] hist = new int[256];
        for (int y = 0; y < rows; y++) {
            boolean edgeRow = y < ring || y >= rows - ring;
            for (int x = 0; x < cols; x++) {
                if (edgeRow || x < ring || x >= cols - ring) {
                    hist[data[(y * cols + x) * channels + channel] & 0xff]++;
                }
            }
        }
        return hist;
    }

    static double percentile(int[] hist, double q) {
        long total = 0;
        for (int h : hist) {
            total += h;
        }
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int v = 0; v < hist.length; v++) {
            seen += hist[v];
            if (seen >= target && seen > 0) {
                return v;
            }
        }
        return hist.length - 1;
    }

    static Mat disc(double diameterPx, Mats m) {
        int k = Math.max(3, (int) Math.round(diameterPx) | 1);
        return m.add(Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(k, k)));
    }
}
