package org.shinsei.id;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the 23 digit cells of the printed line from its ink alone, without OCR: the connected components of the
 * ink, joined where they overlap horizontally (the printed zero's inner dot is a component of its own), must make
 * exactly 23 columns that sit on the monospace grid of groups 4-4-4-4-4-3, each the size of a whole digit. Anything else (a digit missing under a sticker, two digits run together, a mark between
 * them, a pitch that is not the layout font's) gives no cells, and the caller reads the line with OCR instead.
 */
final class LineCells {

    /** DejaVu Sans Mono, the layout's {@code monospace} font: every glyph advances 1233/2048 em. */
    static final double ADVANCE_EM = 1233.0 / 2048;
    /** The fitted pitch may differ this much from the layout's (scan scale and registration residue are ≤ 2 %). */
    private static final double PITCH_TOLERANCE = 0.08;
    /** Cell centres off their row by more than this fraction of the median digit height: not one printed line. */
    private static final double MAX_ROW_OFFSET = 0.12;
    /*
     * Whole digits, with DigitCells' bounds (there against Tesseract's positions, here against the fitted grid): ink
     * centred in its cell, all of one height, and at least half a pitch wide — a little narrower than DigitCells
     * allows, since the 1 of DejaVu Sans Mono at 300 dpi measures 0.60 here.
     */
    private static final double MAX_OFFSET = DigitCells.MAX_OFFSET;
    private static final double MIN_WIDTH = 0.5;
    private static final double MAX_WIDTH = DigitCells.MAX_WIDTH;
    private static final double MIN_HEIGHT = DigitCells.MIN_HEIGHT;
    private static final double MAX_HEIGHT = DigitCells.MAX_HEIGHT;
    /** Components smaller than this fraction of pitch² are scan noise, not ink of a digit. */
    private static final double MIN_AREA_PITCH2 = 0.012;

    static final int COUNT = 23;

    /** Ink bounds of one digit in crop pixels (right and bottom exclusive). */
    record Box(int left, int top, int right, int bottom) {

        double centreX() {
            return (left + right) / 2.0;
        }

        double centreY() {
            return (top + bottom) / 2.0;
        }

        int width() {
            return right - left;
        }

        int height() {
            return bottom - top;
        }

        Box union(Box o) {
            return new Box(Math.min(left, o.left), Math.min(top, o.top), Math.max(right, o.right), Math.max(bottom, o.bottom));
        }
    }

    /**
     * @param boxes       the 23 digits' ink boxes in reading order
     * @param pitch       fitted distance between neighbouring character positions, px
     * @param digitHeight median ink height of the digits, px
     */
    record Cells(List<Box> boxes, double pitch, double digitHeight) {
    }

    private LineCells() {
    }

    /**
     * @param ink           the line's ink as 255 on 0, specks removed (as {@link PrintedIdReader} binarises it)
     * @param expectedPitch the layout's character pitch in crop pixels
     * @return the cells, or null when the ink is not 23 whole digits on the grid
     */
    static Cells find(Mat ink, double expectedPitch) {
        List<Box> columns = columns(ink, expectedPitch);
        if (columns.size() != COUNT) {
            return null;
        }
        double[] heights = columns.stream().mapToDouble(Box::height).sorted().toArray();
        double medianHeight = heights[COUNT / 2];
        double[] ys = columns.stream().mapToDouble(Box::centreY).sorted().toArray();
        double medianY = ys[COUNT / 2];
        double[] grid = fitGrid(columns);
        double x0 = grid[0];
        double pitch = grid[1];
        if (!(Math.abs(pitch / expectedPitch - 1) <= PITCH_TOLERANCE) || medianHeight < 1) {
            return null;
        }
        for (int k = 0; k < COUNT; k++) {
            Box b = columns.get(k);
            double offset = (b.centreX() - (x0 + pitch * DigitCells.position(k))) / pitch;
            double width = b.width() / pitch;
            double height = b.height() / medianHeight;
            if (Math.abs(b.centreY() - medianY) > MAX_ROW_OFFSET * medianHeight || Math.abs(offset) > MAX_OFFSET
                    || width < MIN_WIDTH || width > MAX_WIDTH || height < MIN_HEIGHT || height > MAX_HEIGHT) {
                return null;
            }
        }
        return new Cells(List.copyOf(columns), pitch, medianHeight);
    }

    /** Ink components joined into columns where their x-ranges overlap, left to right. */
    private static List<Box> columns(Mat ink, double pitch) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            int n = Imgproc.connectedComponentsWithStats(ink, labels, stats, centroids, 8);
            int[] s = new int[n * 5];
            if (n > 0) {
                Mat ints = new Mat();
                stats.convertTo(ints, org.opencv.core.CvType.CV_32S);
                ints.get(0, 0, s);
                ints.release();
            }
            double minArea = MIN_AREA_PITCH2 * pitch * pitch;
            List<Box> parts = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                int x = s[i * 5 + Imgproc.CC_STAT_LEFT];
                int y = s[i * 5 + Imgproc.CC_STAT_TOP];
                int w = s[i * 5 + Imgproc.CC_STAT_WIDTH];
                int h = s[i * 5 + Imgproc.CC_STAT_HEIGHT];
                if (s[i * 5 + Imgproc.CC_STAT_AREA] >= minArea) {
                    parts.add(new Box(x, y, x + w, y + h));
                }
            }
            parts.sort(Comparator.comparingInt(Box::left).thenComparingInt(Box::top));
            List<Box> columns = new ArrayList<>();
            for (Box p : parts) {
                int last = columns.size() - 1;
                if (last >= 0 && p.left() < columns.get(last).right()) {
                    columns.set(last, columns.get(last).union(p));
                } else {
                    columns.add(p);
                }
            }
            return columns;
        } finally {
            centroids.release();
            stats.release();
            labels.release();
        }
    }

    /** Least-squares centre = x0 + pitch · position through the columns' centres. */
    private static double[] fitGrid(List<Box> columns) {
        double[] pos = new double[COUNT];
        double[] x = new double[COUNT];
        for (int k = 0; k < COUNT; k++) {
            pos[k] = DigitCells.position(k);
            x[k] = columns.get(k).centreX();
        }
        double mp = Arrays.stream(pos).sum() / COUNT;
        double mx = Arrays.stream(x).sum() / COUNT;
        double cov = 0;
        double var = 0;
        for (int k = 0; k < COUNT; k++) {
            cov += (pos[k] - mp) * (x[k] - mx);
            var += (pos[k] - mp) * (pos[k] - mp);
        }
        double pitch = cov / var;
        return new double[] {mx - pitch * mp, pitch};
    }
}
