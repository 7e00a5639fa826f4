package org.shinsei.sample;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Real hand-written digits as square grey cells, ink bright (255) on black, from MNIST's own IDX files (28 × 28
 * cells, the digit fitted into the central 20 × 20, as LeCun et al. published them). An index is the sample's
 * position in the files, so a caller can hold out a split by index (the project's: see
 * {@code training/digits/README.md}).
 *
 * @param cell        side of a cell in pixels
 * @param digitExtent how many pixels of the cell the digit's longer side spans, roughly
 * @param pixels      {@code cell × cell} bytes per sample, row-major
 * @param labels      the digit each sample shows
 */
public record MnistDigits(int cell, int digitExtent, byte[][] pixels, int[] labels) {

    private static final int IMAGES_MAGIC = 0x803;
    private static final int LABELS_MAGIC = 0x801;

    public MnistDigits {
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** MNIST's training set as the IDX files of {@code dir}: 60,000 digits. */
    public static MnistDigits trainingSet(Path dir) throws IOException {
        return fromIdx(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
    }

    /** MNIST's IDX pair, gzipped or not: {@code train-images-idx3-ubyte(.gz)} and {@code train-labels-idx1-ubyte(.gz)}. */
    public static MnistDigits fromIdx(Path images, Path labels) throws IOException {
        byte[][] px;
        int side;
        try (DataInputStream in = open(images)) {
            if (in.readInt() != IMAGES_MAGIC) {
                throw new IOException(images + " is not an IDX file of unsigned-byte images");
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != cols || rows < 8 || rows > 64 || n < 1) {
                throw new IOException(images + ": unexpected IDX shape " + n + " x " + rows + " x " + cols);
            }
            side = rows;
            px = new byte[n][side * side];
            for (byte[] p : px) {
                in.readFully(p);
            }
        }
        int[] lab;
        try (DataInputStream in = open(labels)) {
            if (in.readInt() != LABELS_MAGIC) {
                throw new IOException(labels + " is not an IDX file of unsigned-byte labels");
            }
            int n = in.readInt();
            byte[] b = new byte[n];
            in.readFully(b);
            lab = new int[n];
            for (int i = 0; i < n; i++) {
                lab[i] = b[i];
                if (lab[i] < 0 || lab[i] > 9) {
                    throw new IOException(labels + ": label " + lab[i] + " at " + i);
                }
            }
        }
        return new MnistDigits(side, side * 20 / 28, px, lab);
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        if (p.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }
}
