package org.shinsei.fields;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * What is written in one box, found as connected ink: nothing (only paper, noise and specks), a stray mark too
 * small to be a digit, or a digit's strokes. A stroke counts for this box when most of its pixels lie inside the
 * box (less a thin band along its edge), so a neighbour's digit reaching over the gap does not, a left-over piece of
 * the frame line does not, and one's own digit crossing the frame does.
 *
 * @param kind     what was found
 * @param ink      the kept strokes (ink bright on black, the crop's size) when {@code kind} is DIGIT, else null;
 *                 owned by this record
 * @param inkMm2   area of the kept strokes
 * @param widthMm  width of their union
 * @param heightMm height of their union
 * @param reachesLeft  a kept stroke reaches the crop's left edge: it crossed the gap to the neighbouring box's frame
 * @param reachesRight the same on the right
 */
record BoxInk(Kind kind, Mat ink, double inkMm2, double widthMm, double heightMm, boolean reachesLeft,
              boolean reachesRight) implements AutoCloseable {

    enum Kind { EMPTY, MARK, DIGIT }

    /** Most of a stroke's pixels must lie inside the box for it to belong to the box. */
    private static final double INSIDE_SHARE = 0.5;
    /**
     * "Inside" stops this far within the box edge: a fragment of the frame line that survived its removal lies
     * half inside the edge itself, and must not count as writing.
     */
    private static final double INSIDE_INSET_MM = 0.4;

    /**
     * @param ink   an {@link InkMap} of {@code box.grow(growMm)}
     * @param props thresholds (ink, speck, minimal digit extent)
     */
    static BoxInk find(Mat ink, double growMm, double pxPerMm, FieldsProperties props) {
        Mat binary = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Imgproc.threshold(ink, binary, threshold(ink, props.inkThreshold()) - 1, 255, Imgproc.THRESH_BINARY);
            int count = Imgproc.connectedComponentsWithStats(binary, labels, stats, centroids, 8, CvType.CV_32S);
            boolean[] keep = keptComponents(labels, stats, count, growMm, pxPerMm, props.speckMm2());
            int area = 0;
            boolean left = false;
            boolean right = false;
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = -1;
            int y1 = -1;
            for (int c = 1; c < count; c++) {
                if (keep[c]) {
                    int[] s = new int[5];
                    stats.get(c, 0, s);
                    area += s[Imgproc.CC_STAT_AREA];
                    x0 = Math.min(x0, s[Imgproc.CC_STAT_LEFT]);
                    y0 = Math.min(y0, s[Imgproc.CC_STAT_TOP]);
                    x1 = Math.max(x1, s[Imgproc.CC_STAT_LEFT] + s[Imgproc.CC_STAT_WIDTH]);
                    y1 = Math.max(y1, s[Imgproc.CC_STAT_TOP] + s[Imgproc.CC_STAT_HEIGHT]);
                    // the crop reaches the neighbouring boxes' frames left and right: ink at its side edge crossed the gap
                    left |= s[Imgproc.CC_STAT_LEFT] == 0;
                    right |= s[Imgproc.CC_STAT_LEFT] + s[Imgproc.CC_STAT_WIDTH] >= binary.cols();
                }
            }
            if (area == 0) {
                return new BoxInk(Kind.EMPTY, null, 0, 0, 0, false, false);
            }
            double mm2 = area / (pxPerMm * pxPerMm);
            double w = (x1 - x0) / pxPerMm;
            double h = (y1 - y0) / pxPerMm;
            if (Math.max(w, h) < props.digitMinExtentMm()) {
                return new BoxInk(Kind.MARK, null, mm2, w, h, left, right);
            }
            return new BoxInk(Kind.DIGIT, keptInk(ink, labels, keep), mm2, w, h, left, right);
        } finally {
            binary.release();
            labels.release();
            stats.release();
            centroids.release();
        }
    }

    /**
     * The stroke threshold for this crop: the configured one, lowered for a pale pen to half of its strokes' own
     * strength (the 90th percentile of the clearly inked pixels), never below {@value #FAINT_FLOOR}, which is far
     * above scanner noise. Black or blue ballpoint keeps the configured threshold; a faint blue pen's strokes are
     * cut at the same share of their darkness and stay whole.
     */
    static int threshold(Mat ink, int configured) {
        int n = (int) ink.total();
        byte[] px = new byte[n];
        ink.get(0, 0, px);
        int[] hist = new int[256];
        int inked = 0;
        for (byte b : px) {
            int v = b & 0xff;
            hist[v]++;
            if (v >= FAINT_FLOOR) {
                inked++;
            }
        }
        if (inked == 0) {
            return configured;
        }
        int seen = 0;
        int strong = 255;
        for (int v = 255; v >= FAINT_FLOOR; v--) {
            seen += hist[v];
            if (seen >= 0.1 * inked) {
                strong = v;
                break;
            }
        }
        return Math.max(FAINT_FLOOR, Math.min(configured, (int) Math.round(FAINT_SHARE * strong)));
    }

    /** Lowest stroke threshold, for the palest pen (paper noise stays well under it). */
    private static final int FAINT_FLOOR = 40;
    /** A pale pen's strokes are cut at this share of their own strength. */
    private static final double FAINT_SHARE = 0.5;

    private static boolean[] keptComponents(Mat labels, Mat stats, int count, double growMm, double pxPerMm,
                                            double speckMm2) {
        int cols = labels.cols();
        int rows = labels.rows();
        int[] lab = new int[cols * rows];
        labels.get(0, 0, lab);
        int margin = (int) Math.round((growMm + INSIDE_INSET_MM) * pxPerMm);
        int[] inside = new int[count];
        for (int y = margin; y < rows - margin; y++) {
            for (int x = margin; x < cols - margin; x++) {
                inside[lab[y * cols + x]]++;
            }
        }
        double speckPx = speckMm2 * pxPerMm * pxPerMm;
        boolean[] keep = new boolean[count];
        for (int c = 1; c < count; c++) {
            int[] area = new int[1];
            stats.get(c, Imgproc.CC_STAT_AREA, area);
            keep[c] = area[0] >= speckPx && inside[c] >= INSIDE_SHARE * area[0];
        }
        return keep;
    }

    /** The kept strokes with their soft edges (the threshold cut them off), everything else black. */
    private static Mat keptInk(Mat ink, Mat labels, boolean[] keep) {
        int n = (int) labels.total();
        int[] lab = new int[n];
        labels.get(0, 0, lab);
        byte[] mask = new byte[n];
        for (int i = 0; i < n; i++) {
            mask[i] = keep[lab[i]] && lab[i] != 0 ? (byte) 255 : 0;
        }
        Mat m = new Mat(labels.rows(), labels.cols(), CvType.CV_8UC1);
        m.put(0, 0, mask);
        Imgproc.dilate(m, m, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
        Mat out = Mat.zeros(ink.size(), CvType.CV_8UC1);
        ink.copyTo(out, m);
        m.release();
        return out;
    }

    @Override
    public void close() {
        if (ink != null) {
            ink.release();
        }
    }

}
