package org.shinsei.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

import org.shinsei.form.MmRect;

/**
 * Digits in the Klee One hand-writing font (Debian fonts-klee, OFL), each one varied in size (±10 %), position
 * (±0.6 mm), slant (±7°) and pen width, so that no two boxes are pixel-identical.
 */
public final class FontHandwriting implements Handwriting {

    private final long seed;

    public FontHandwriting(long seed) {
        this.seed = seed;
    }

    @Override
    public void drawDigit(Canvas canvas, int digit, MmRect box, Color ink, long salt) {
        Jitter j = new Jitter(seed, salt);
        FontFace face = j.chance(0.5) ? FontFace.KLEE : FontFace.KLEE_SEMIBOLD;
        String s = String.valueOf(checkDigit(digit));
        Rectangle2D ink1 = face.unitInkBounds(s);
        double height = box.height() * 0.68 * (1 + j.plusMinus(0.10));
        double size = height / ink1.getHeight();
        Shape glyph = face.outline(s, size, 0, 0);
        Rectangle2D b = glyph.getBounds2D();
        AffineTransform t = new AffineTransform();
        t.translate(box.centreX() + j.plusMinus(0.6), box.centreY() + j.plusMinus(0.6));
        t.rotate(Math.toRadians(j.plusMinus(7)));
        t.translate(-b.getCenterX(), -b.getCenterY());
        Shape placed = t.createTransformedShape(glyph);
        canvas.fill(placed, ink);
        double pen = j.between(0, 0.12);
        if (pen > 0.02) {
            canvas.stroke(placed, ink, new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
    }

    static int checkDigit(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("a digit is 0..9, got " + digit);
        }
        return digit;
    }
}
