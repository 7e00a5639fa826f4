package org.shinsei.sample;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.shinsei.form.MmRect;

/**
 * Real hand-written digits from a {@code digits.png} in the OpenCV sample layout: 100 columns × 50 rows of
 * 20 × 20 cells, white strokes on black; rows 0–4 hold digit 0, rows 5–9 digit 1, and so on (500 per digit).
 * A sample index is {@code row * 100 + column} (so indices {@code 500·d … 500·d + 499} are digit d).
 * Only the indices given to the constructor are ever drawn, so a caller can hold out a test split.
 */
public final class MnistHandwriting implements Handwriting {

    public static final int CELL = 20;
    public static final int COLUMNS = 100;
    public static final int PER_DIGIT = 500;

    private final BufferedImage sheet;
    private final List<List<Integer>> byDigit;
    private final long seed;

    public MnistHandwriting(Path digitsPng, List<Integer> allowedIndices, long seed) throws IOException {
        this.sheet = ImageIO.read(digitsPng.toFile());
        if (sheet == null || sheet.getWidth() != COLUMNS * CELL || sheet.getHeight() != 10 * PER_DIGIT / COLUMNS * CELL) {
            throw new IOException(digitsPng + " is not a 2000 x 1000 digits sheet in the OpenCV sample layout");
        }
        this.byDigit = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            byDigit.add(new ArrayList<>());
        }
        for (int index : allowedIndices) {
            if (index < 0 || index >= 10 * PER_DIGIT) {
                throw new IllegalArgumentException("sample index out of range: " + index);
            }
            byDigit.get(digitOf(index)).add(index);
        }
        for (int d = 0; d < 10; d++) {
            if (byDigit.get(d).isEmpty()) {
                throw new IllegalArgumentException("no allowed sample for digit " + d);
            }
        }
        this.seed = seed;
    }

    /** The digit a sample index shows. */
    public static int digitOf(int index) {
        return index / PER_DIGIT;
    }

    @Override
    public void drawDigit(Canvas canvas, int digit, MmRect box, Color ink, long salt) {
        Jitter j = new Jitter(seed, salt);
        List<Integer> pool = byDigit.get(FontHandwriting.checkDigit(digit));
        int index = pool.get(j.nextInt(pool.size()));
        BufferedImage cell = inkCell(index, ink);
        // the MNIST digit fills about 16 of its 20 pixels: scale so that the digit is ~70 % of the box height
        double mmPerPx = box.height() * 0.70 / 16 * (1 + j.plusMinus(0.08));
        AffineTransform t = new AffineTransform();
        t.translate(box.centreX() + j.plusMinus(0.5), box.centreY() + j.plusMinus(0.5));
        t.rotate(Math.toRadians(j.plusMinus(4)));
        t.scale(mmPerPx, mmPerPx);
        t.translate(-CELL / 2.0, -CELL / 2.0);
        canvas.image(cell, t);
    }

    /** The cell as ink on transparent: the sheet's grey level becomes the ink's opacity. */
    private BufferedImage inkCell(int index, Color ink) {
        int x0 = index % COLUMNS * CELL;
        int y0 = index / COLUMNS * CELL;
        BufferedImage out = new BufferedImage(CELL, CELL, BufferedImage.TYPE_INT_ARGB);
        int rgb = ink.getRGB() & 0xFFFFFF;
        for (int y = 0; y < CELL; y++) {
            for (int x = 0; x < CELL; x++) {
                int alpha = sheet.getRaster().getSample(x0 + x, y0 + y, 0);
                out.setRGB(x, y, alpha << 24 | rgb);
            }
        }
        return out;
    }
}
