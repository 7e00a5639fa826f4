package org.shinsei.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A drawing surface in page millimetres (origin top-left, x right, y down). Everything the generator draws is
 * either a filled shape or an image, so one painter serves both a raster scan ({@link Java2dCanvas}) and a
 * vector PDF page ({@link PdfCanvas}) without two copies of the form.
 */
public interface Canvas {

    /** Fills a shape given in mm with an opaque colour (non-zero or even-odd as the shape's path says). */
    void fill(Shape shapeMm, Color colour);

    /** Draws an image; {@code imageToMm} maps image pixel coordinates (pixel i covers [i, i+1)) to page mm. */
    void image(BufferedImage image, AffineTransform imageToMm);

    /** Strokes the outline of a shape; a stroke is drawn as the filled outline of the pen path. */
    default void stroke(Shape shapeMm, Color colour, BasicStroke pen) {
        fill(pen.createStrokedShape(shapeMm), colour);
    }

    default void stroke(Shape shapeMm, Color colour, double widthMm) {
        stroke(shapeMm, colour, new BasicStroke((float) widthMm, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }

    /** Text in a font, {@code sizeMm} the em size, {@code (x, y)} the left end of the baseline. */
    default void text(String text, FontFace face, double sizeMm, double x, double y, Color colour) {
        fill(face.outline(text, sizeMm, x, y), colour);
    }
}
