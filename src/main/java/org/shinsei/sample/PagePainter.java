package org.shinsei.sample;

/** Draws one page's contents (in page mm) on a {@link Canvas}; the paper itself is the canvas's business. */
@FunctionalInterface
public interface PagePainter {

    void paint(Canvas canvas);
}
