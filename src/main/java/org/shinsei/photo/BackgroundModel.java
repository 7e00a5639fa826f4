package org.shinsei.photo;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * The background colour of a print, taken from its two top corners (the part of an ID photo that is
 * background on every compliant print), with the corners' own noise.
 *
 * @param colour per-channel median (one value for grey)
 * @param noise  robust spread of the corner pixels around it, grey levels
 * @param cornerDifference largest per-channel difference between the two corners' medians
 */
public record BackgroundModel(double[] colour, double noise, double cornerDifference) {

    /** Corner patch side, mm. */
    private static final double PATCH_MM = 3;
    /** Corner patch distance from the print's edges, mm. */
    private static final double PATCH_INSET_MM = 0.5;

    public static BackgroundModel of(Mat print, double pxPerMm) {
        int side = (int) Math.round(PATCH_MM * pxPerMm);
        int inset = (int) Math.round(PATCH_INSET_MM * pxPerMm);
        Rect left = new Rect(inset, inset, side, side);
        Rect right = new Rect(print.cols() - inset - side, inset, side, side);
        int ch = print.channels();
        double[][] l = channelValues(print, left);
        double[][] r = channelValues(print, right);
        double[] colour = new double[ch];
        double noise = 0;
        double cornerDiff = 0;
        for (int c = 0; c < ch; c++) {
            double[] both = concat(l[c], r[c]);
            colour[c] = median(both);
            double[] dev = new double[both.length];
            for (int i = 0; i < both.length; i++) {
                dev[i] = Math.abs(both[i] - colour[c]);
            }
            noise = Math.max(noise, 1.4826 * median(dev));
            cornerDiff = Math.max(cornerDiff, Math.abs(median(l[c]) - median(r[c])));
        }
        return new BackgroundModel(colour, noise, cornerDiff);
    }

    /** Largest per-channel absolute difference from the background colour, 8-bit, same size as {@code img}. */
    public Mat distance(Mat img, Mats m) {
        Mat diff = m.create();
        Core.absdiff(img, new Scalar(colour), diff);
        if (img.channels() == 1) {
            return diff;
        }
        List<Mat> planes = new ArrayList<>();
        Core.split(diff, planes);
        planes.forEach(m::add);
        Mat out = m.create();
        Core.max(planes.get(0), planes.get(1), out);
        Core.max(out, planes.get(2), out);
        return out;
    }

    public double grey() {
        return colour.length == 1 ? colour[0] : 0.114 * colour[0] + 0.587 * colour[1] + 0.299 * colour[2];
    }

    private static double[][] channelValues(Mat img, Rect r) {
        Rect clipped = Mats.clip(r, img);
        int ch = img.channels();
        byte[] data = new byte[clipped.width * clipped.height * ch];
        Mat sub = img.submat(clipped);
        try {
            Mat cont = sub.clone();
            try {
                cont.get(0, 0, data);
            } finally {
                cont.release();
            }
        } finally {
            sub.release();
        }
        int n = clipped.width * clipped.height;
        double[][] out = new double[ch][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < ch; c++) {
                out[c][i] = data[i * ch + c] & 0xff;
            }
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
