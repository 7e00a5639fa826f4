package org.shinsei.id;

import java.awt.Color;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

import org.shinsei.form.MmRect;
import org.shinsei.sample.PagePainter;

/** Damage drawn on the paper before it is scanned: ink blots, stickers, smudges. */
final class Damage {

    static final Color INK = new Color(20, 20, 30);
    static final Color SMUDGE = new Color(110, 110, 110);
    static final Color STICKER = new Color(250, 245, 200);

    private Damage() {
    }

    static PagePainter none() {
        return canvas -> { };
    }

    /** An irregular blot of overlapping ellipses around (cx, cy), about {@code radius} mm across each way. */
    static PagePainter blot(double cx, double cy, double radius, Color colour, Random random) {
        Area a = new Area();
        int parts = 4 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            double r = radius * (0.4 + 0.6 * random.nextDouble());
            double x = cx + (random.nextDouble() - 0.5) * radius;
            double y = cy + (random.nextDouble() - 0.5) * radius;
            a.add(new Area(new Ellipse2D.Double(x - r, y - r * 0.8, 2 * r, 1.6 * r)));
        }
        return canvas -> canvas.fill(a, colour);
    }

    /** An opaque rectangle stuck over the page. */
    static PagePainter sticker(MmRect r, Color colour) {
        return canvas -> canvas.fill(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()), colour);
    }

    static PagePainter both(PagePainter a, PagePainter b) {
        return canvas -> {
            a.paint(canvas);
            b.paint(canvas);
        };
    }
}
