package org.shinsei.id;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opencv.core.Mat;
import org.shinsei.ocr.OcrSymbol;

/**
 * Checks that each of the 23 read digits stands on a whole printed digit. The ID is printed in a monospace font,
 * so the digits sit on a regular grid (groups of four, one space between); the grid is fitted to Tesseract's
 * symbol positions and the ink in each grid cell measured. A sticker or tape over part of a digit leaves a
 * fragment that Tesseract reads, confidently, as another digit (half a 6 reads as 5); such a cell is narrower,
 * shorter or off-centre compared with whole digits, which any monospace font centres in their cells.
 */
final class DigitCells {

    /**
     * The ink in one cell.
     *
     * @param offset ink centre minus cell centre, in cell widths (pitch)
     * @param width  ink width in pitches
     * @param height ink height relative to the median digit's
     */
    record Cell(double offset, double width, double height) {
    }

    /*
     * Bounds measured on 180 intact generated lines (200 dpi, JPEG 30-40): offset <= 0.056, width 0.68..0.89,
     * height 0.95..1.05. The left half of a 6 under a sticker (read as 3, confidence 0.98) measured 0.52 wide and
     * 0.13 off-centre.
     */
    static final double MAX_OFFSET = 0.10;
    private static final double MIN_WIDTH = 0.6;
    static final double MAX_WIDTH = 0.96;
    static final double MIN_HEIGHT = 0.85;
    static final double MAX_HEIGHT = 1.15;

    private DigitCells() {
    }

    /** Whether every cell holds what a whole printed digit looks like. */
    static boolean whole(List<Cell> cells) {
        return cells.stream().allMatch(c -> Math.abs(c.offset()) <= MAX_OFFSET
                && c.width() >= MIN_WIDTH && c.width() <= MAX_WIDTH
                && c.height() >= MIN_HEIGHT && c.height() <= MAX_HEIGHT);
    }

    /**
     * @param ink     the line's ink as 255 on 0, specks already removed
     * @param symbols the 23 digit symbols in reading order
     */
    static List<Cell> measure(Mat ink, List<OcrSymbol> symbols) {
        int w = ink.cols();
        int h = ink.rows();
        byte[] px = new byte[w * h];
        ink.get(0, 0, px);
        double[] grid = fitGrid(symbols);
        double x0 = grid[0];
        double pitch = grid[1];
        int n = symbols.size();
        double[][] boxes = new double[n][];
        double[] heights = new double[n];
        for (int k = 0; k < n; k++) {
            double centre = x0 + pitch * position(k);
            boxes[k] = inkBox(px, w, h, (int) Math.round(centre - pitch / 2), (int) Math.round(centre + pitch / 2));
            heights[k] = boxes[k] == null ? 0 : boxes[k][3] - boxes[k][2];
        }
        double[] sorted = heights.clone();
        Arrays.sort(sorted);
        double median = Math.max(1, sorted[n / 2]);
        List<Cell> cells = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double centre = x0 + pitch * position(k);
            double[] b = boxes[k];
            cells.add(b == null ? new Cell(0.5, 0, 0)
                    : new Cell(((b[0] + b[1]) / 2 - centre) / pitch, (b[1] - b[0]) / pitch, heights[k] / median));
        }
        return cells;
    }

    /** Character position of digit k in "dddd dddd dddd dddd dddd ddd". */
    static int position(int k) {
        return k + k / 4;
    }

    /** Least-squares x = x0 + pitch · position through the symbols' centres. */
    private static double[] fitGrid(List<OcrSymbol> symbols) {
        int n = symbols.size();
        double mp = 0;
        double mx = 0;
        for (int k = 0; k < n; k++) {
            mp += position(k);
            mx += symbols.get(k).centreX();
        }
        mp /= n;
        mx /= n;
        double cov = 0;
        double var = 0;
        for (int k = 0; k < n; k++) {
            double dp = position(k) - mp;
            cov += dp * (symbols.get(k).centreX() - mx);
            var += dp * dp;
        }
        double pitch = cov / var;
        return new double[] {mx - pitch * mp, pitch};
    }

    /** [left, right, top, bottom] (right and bottom exclusive) of the ink in columns [from, to), or null. */
    private static double[] inkBox(byte[] px, int w, int h, int from, int to) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = Math.max(0, from); x < Math.min(w, to); x++) {
                if (px[y * w + x] != 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? null : new double[] {left, right + 1, top, bottom + 1};
    }
}
