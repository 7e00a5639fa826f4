package org.shinsei.photo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Moves each side of a roughly found print onto the print's real edge, and turns the print to match its edges.
 * The rough outline comes from a threshold, so it loses a light background close to the paper's tone, can pick
 * up the caption that a print overlaps, and its angle follows whatever the threshold kept. Along each side this
 * samples the paper-distance image on lines parallel to the side, takes the median along the side (sparse text
 * and a slanted guide do not survive a median) and looks across it for the outermost step from "print" inside
 * to "paper" outside. The angle comes from the same search on each half of each side.
 */
final class EdgeRefiner {

    /** How far inside and outside the rough side the real edge is looked for, mm. */
    private static final double INWARD_MM = 6;
    private static final double OUTWARD_MM = 10;
    /** The step is measured between strips this far from the candidate edge, mm. */
    private static final double STRIP_NEAR_MM = 0.3;
    private static final double STRIP_FAR_MM = 3.0;
    /** Part of the side's length sampled (its ends may be rounded corners or torn). */
    private static final double ALONG_FRACTION = 0.8;
    /** The two halves of a side used to measure its angle leave this fraction of its length out around the middle. */
    private static final double HALF_GAP = 0.05;
    /** Angle corrections smaller than this are not worth another pass, degrees. */
    private static final double MIN_TURN_DEG = 0.05;
    private static final int PASSES = 3;
    /** Smallest step (grey levels) from print to paper that counts as an edge, and the most paper may show. */
    private static final double MIN_STEP = 6;
    private static final double PAPER_MAX = 4;

    private final double pxPerMm;
    private final double minStep;
    private final double paperMax;

    /**
     * @param paperNoise robust spread of the paper's own grey levels: the profile beyond an edge must stay at
     *                   paper level (a light photo background, a few levels above it, is print, not paper)
     */
    EdgeRefiner(double pxPerMm, double paperNoise) {
        this.pxPerMm = pxPerMm;
        this.minStep = Math.max(MIN_STEP, 2 * paperNoise);
        this.paperMax = Math.max(PAPER_MAX, 1.5 * paperNoise);
    }

    /** @param distance paper-distance image of the crop */
    PrintRegion refine(PrintRegion rough, Mat distance) {
        PrintRegion r = moveSides(rough, distance);
        for (int pass = 1; pass < PASSES; pass++) {
            double turn = angleCorrection(r, distance);
            if (Double.isNaN(turn) || Math.abs(turn) < MIN_TURN_DEG) {
                break;
            }
            r = moveSides(new PrintRegion(r.centreX(), r.centreY(), r.widthPx(), r.heightPx(), r.angleDeg() + turn,
                    r.pxPerMm(), r.edgesSeen()), distance);
        }
        return r;
    }

    /** One side of the print: outward normal n, direction u along it, distance from the centre, length. */
    private record Side(double nx, double ny, double ux, double uy, double base, double length) {
    }

    /** The four sides in the order top, bottom, left, right. */
    private static Side[] sides(PrintRegion r) {
        double a = Math.toRadians(r.angleDeg());
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        double vx = -uy;
        double vy = ux;
        double hw = r.widthPx() / 2;
        double hh = r.heightPx() / 2;
        return new Side[] {new Side(-vx, -vy, ux, uy, hh, r.widthPx()), new Side(vx, vy, ux, uy, hh, r.widthPx()),
            new Side(-ux, -uy, vx, vy, hw, r.heightPx()), new Side(ux, uy, vx, vy, hw, r.heightPx())};
    }

    private PrintRegion moveSides(PrintRegion r, Mat distance) {
        Side[] s = sides(r);
        double[] o = new double[4];
        int seen = 0;
        for (int k = 0; k < 4; k++) {
            double found = offset(distance, r, s[k], -ALONG_FRACTION / 2, ALONG_FRACTION / 2);
            o[k] = Double.isNaN(found) ? 0 : found;
            seen += Double.isNaN(found) ? 0 : 1;
        }
        double alongU = (o[3] - o[2]) / 2;
        double alongV = (o[1] - o[0]) / 2;
        double a = Math.toRadians(r.angleDeg());
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        return new PrintRegion(r.centreX() + ux * alongU - uy * alongV, r.centreY() + uy * alongU + ux * alongV,
                r.widthPx() + o[2] + o[3], r.heightPx() + o[0] + o[1], r.angleDeg(), r.pxPerMm(), seen);
    }

    /**
     * The turn (degrees) that would make the sides parallel to the edges found on each half of them: the median
     * over the sides where both halves show an edge, or NaN when fewer than two do.
     */
    private double angleCorrection(PrintRegion r, Mat distance) {
        Side[] s = sides(r);
        // a side whose second half lies further out than its first is turned this way, for top, bottom, left, right
        int[] sign = {-1, 1, 1, -1};
        List<Double> turns = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            double first = offset(distance, r, s[k], -ALONG_FRACTION / 2, -HALF_GAP);
            double second = offset(distance, r, s[k], HALF_GAP, ALONG_FRACTION / 2);
            if (!Double.isNaN(first) && !Double.isNaN(second)) {
                double span = (ALONG_FRACTION / 2 + HALF_GAP) * s[k].length();
                turns.add(sign[k] * Math.toDegrees(Math.atan2(second - first, span)));
            }
        }
        if (turns.size() < 2) {
            return Double.NaN;
        }
        Collections.sort(turns);
        int n = turns.size();
        return n % 2 == 1 ? turns.get(n / 2) : (turns.get(n / 2 - 1) + turns.get(n / 2)) / 2;
    }

    /**
     * How far (px, + outward) the real edge lies from the side, judged on the part of it between {@code from}
     * and {@code to} (fractions of its length from its middle); NaN if no clear edge.
     */
    private double offset(Mat distance, PrintRegion r, Side side, double from, double to) {
        int inward = (int) Math.round(INWARD_MM * pxPerMm);
        int outward = (int) Math.round(OUTWARD_MM * pxPerMm);
        int cols = inward + outward + 1;
        double start = from * side.length();
        int rows = Math.max(3, (int) Math.round((to - from) * side.length()));
        float[] mx = new float[rows * cols];
        float[] my = new float[rows * cols];
        for (int t = 0; t < rows; ++t) {
            double along = start + t;
            for (int o = 0; o < cols; o++) {
                double across = side.base() + o - inward;
                mx[t * cols + o] = (float) (r.centreX() + side.nx() * across + side.ux() * along);
                my[t * cols + o] = (float) (r.centreY() + side.ny() * across + side.uy() * along);
            }
        }
        byte[] strip = new byte[rows * cols];
        try (Mats m = new Mats()) {
            Mat mapX = m.add(new Mat(rows, cols, CvType.CV_32FC1));
            Mat mapY = m.add(new Mat(rows, cols, CvType.CV_32FC1));
            mapX.put(0, 0, mx);
            mapY.put(0, 0, my);
            Mat out = m.create();
            Imgproc.remap(distance, out, mapX, mapY, Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, new Scalar(0));
            out.get(0, 0, strip);
        }
        double[] profile = new double[cols];
        int[] hist = new int[256];
        for (int o = 0; o < cols; o++) {
            Arrays.fill(hist, 0);
            for (int t = 0; t < rows; t++) {
                hist[strip[t * cols + o] & 0xff]++;
            }
            profile[o] = PrintLocator.percentile(hist, 0.5);
        }
        return bestStep(profile) - inward;
    }

    /**
     * Position of the strongest paper step in the profile (inside → outside), NaN if none. With strips of equal
     * width on both sides, the positions that see "print inside, paper outside" form a run around an edge;
     * the run with the largest step is the print's edge (a guide or caption remnant beyond it makes a weak
     * one), and the edge is the half-level crossing nearest that run's middle.
     */
    private double bestStep(double[] p) {
        int near = Math.max(1, (int) Math.round(STRIP_NEAR_MM * pxPerMm));
        int far = Math.max(near + 2, (int) Math.round(STRIP_FAR_MM * pxPerMm));
        int bestMid = -1;
        double bestStep = 0;
        int runStart = -1;
        double runStep = 0;
        for (int o = far; o <= p.length - far; o++) {
            boolean candidate = false;
            double step = 0;
            if (o < p.length - far) {
                // the inside must be print nearly all across its strip (a guide line plus a caption line is not),
                // the outside paper nearly all across its strip (a guide line just outside the print may be there)
                double inside = quantile(p, o - far, o - near, 0.25);
                double outside = quantile(p, o + near, o + far, 0.75);
                step = inside - outside;
                candidate = step >= minStep && outside <= paperMax;
            }
            if (candidate) {
                if (runStart < 0) {
                    runStart = o;
                    runStep = 0;
                }
                runStep = Math.max(runStep, step);
            } else if (runStart >= 0) {
                if (runStep > bestStep) {
                    bestStep = runStep;
                    bestMid = (runStart + o - 1) / 2;
                }
                runStart = -1;
            }
        }
        return bestMid < 0 ? Double.NaN : halfLevelCrossing(p, bestMid, near, far);
    }

    /** Where the profile falls through the level half-way between inside and outside, nearest to {@code mid}. */
    private static double halfLevelCrossing(double[] p, int mid, int near, int far) {
        double half = (quantile(p, Math.max(0, mid - far), Math.max(0, mid - near), 0.5)
                + quantile(p, Math.min(p.length - 1, mid + near), Math.min(p.length - 1, mid + far), 0.5)) / 2;
        double best = mid;
        int bestDistance = Integer.MAX_VALUE;
        for (int o = Math.max(0, mid - far); o < Math.min(p.length - 1, mid + far); o++) {
            if (p[o] >= half && p[o + 1] < half && Math.abs(o - mid) < bestDistance) {
                bestDistance = Math.abs(o - mid);
                best = o + (p[o] - half) / (p[o] - p[o + 1]);
            }
        }
        return best;
    }

    private static double quantile(double[] p, int from, int to, double q) {
        double[] s = Arrays.copyOfRange(p, from, to + 1);
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))];
    }
}
