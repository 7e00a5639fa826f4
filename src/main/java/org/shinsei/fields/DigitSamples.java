package org.shinsei.fields;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The OpenCV sample sheet of hand-written digits ({@code digits.png}, derived from MNIST): 100 columns × 50 rows
 * of 20×20 cells, white ink on black, 500 cells per digit (rows 0–4 are 0, rows 5–9 are 1, …).
 * A cell is named by its digit and its index 0..499 within that digit.
 */
public final class DigitSamples implements AutoCloseable {

    public static final int CELL = 20;
    public static final int PER_DIGIT = 500;
    private static final int COLUMNS = 100;

    /** One cell: the digit, its index within the digit (0..499), and its global index 0..4999 in reading order. */
    public record Sample(int digit, int index, Mat cell) {
        public int globalIndex() {
            return digit * PER_DIGIT + index;
        }
    }

    private final Mat sheet;

    private DigitSamples(Mat sheet) {
        this.sheet = sheet;
    }

    public static DigitSamples load(Path digitsPng) {
        if (!Files.isRegularFile(digitsPng)) {
            throw new IllegalArgumentException("digit sheet not found: " + digitsPng.toAbsolutePath());
        }
        Mat sheet = Imgcodecs.imread(digitsPng.toString(), Imgcodecs.IMREAD_GRAYSCALE);
        if (sheet.cols() != COLUMNS * CELL || sheet.rows() != 10 * PER_DIGIT / COLUMNS * CELL) {
            sheet.release();
            throw new IllegalArgumentException("not the 2000x1000 digit sheet: " + digitsPng);
        }
        return new DigitSamples(sheet);
    }

    /** A view (no copy) of one cell; white ink on black. */
    public Mat cell(int digit, int index) {
        int row = digit * (PER_DIGIT / COLUMNS) + index / COLUMNS;
        int col = index % COLUMNS;
        return sheet.submat(new Rect(col * CELL, row * CELL, CELL, CELL));
    }

    /** The cells whose index within their digit is in [from, to), for every digit, digit-major. */
    public List<Sample> range(int from, int to) {
        List<Sample> out = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            for (int i = from; i < to; i++) {
                out.add(new Sample(d, i, cell(d, i)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        sheet.release();
    }
}
