package org.shinsei.sample;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.shinsei.form.MmRect;

/**
 * Real hand-written digits from {@link MnistDigits}, each written at ~70 % of the box height, a little off centre
 * and turned a few degrees. Only the indices given to the constructor are ever drawn, so a caller can hold out a
 * test split.
 */
public final class MnistHandwriting implements Handwriting {

    private final MnistDigits digits;
    private final List<List<Integer>> byDigit;
    private final long seed;

    public MnistHandwriting(MnistDigits digits, List<Integer> allowedIndices, long seed) {
        this.digits = digits;
        this.byDigit = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            byDigit.add(new ArrayList<>());
        }
        for (int index : allowedIndices) {
            if (index < 0 || index >= digits.size()) {
                throw new IllegalArgumentException("sample index out of range: " + index);
            }
            byDigit.get(digits.labels()[index]).add(index);
        }
        for (int d = 0; d < 10; d++) {
            if (byDigit.get(d).isEmpty()) {
                throw new IllegalArgumentException("no allowed sample for digit " + d);
            }
        }
        this.seed = seed;
    }

    @Override
    public void drawDigit(Canvas canvas, int digit, MmRect box, Color ink, long salt) {
        Jitter j = new Jitter(seed, salt);
        List<Integer> pool = byDigit.get(FontHandwriting.checkDigit(digit));
        int index = pool.get(j.nextInt(pool.size()));
        int cell = digits.cell();
        // scale so that the digit is ~70 % of the box height
        double mmPerPx = box.height() * 0.70 / digits.digitExtent() * (1 + j.plusMinus(0.08));
        AffineTransform t = new AffineTransform();
        t.translate(box.centreX() + j.plusMinus(0.5), box.centreY() + j.plusMinus(0.5));
        t.rotate(Math.toRadians(j.plusMinus(4)));
        t.scale(mmPerPx, mmPerPx);
        t.translate(-cell / 2.0, -cell / 2.0);
        canvas.image(inkCell(digits.pixels()[index], cell, ink), t);
    }

    /** A cell as ink on transparent: its grey level becomes the ink's opacity. */
    public static BufferedImage inkCell(byte[] pixels, int cell, Color ink) {
        BufferedImage out = new BufferedImage(cell, cell, BufferedImage.TYPE_INT_ARGB);
        int rgb = ink.getRGB() & 0xFFFFFF;
        for (int y = 0; y < cell; y++) {
            for (int x = 0; x < cell; x++) {
                out.setRGB(x, y, (pixels[y * cell + x] & 0xff) << 24 | rgb);
            }
        }
        return out;
    }
}
