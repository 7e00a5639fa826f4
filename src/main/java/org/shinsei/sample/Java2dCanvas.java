package org.shinsei.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A {@link Canvas} on a Java2D raster. {@code mmToPixel} uses Java2D's pixel convention: pixel (i, j) covers
 * [i, i+1) × [j, j+1), so its centre is at (i + 0.5, j + 0.5).
 */
public final class Java2dCanvas implements Canvas {

    private final Graphics2D g;
    private final AffineTransform mmToPixel;

    public Java2dCanvas(Graphics2D g, AffineTransform mmToPixel) {
        this.g = g;
        this.mmToPixel = new AffineTransform(mmToPixel);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setTransform(this.mmToPixel);
    }

    @Override
    public void fill(Shape shapeMm, Color colour) {
        g.setColor(colour);
        g.fill(shapeMm);
    }

    @Override
    public void image(BufferedImage image, AffineTransform imageToMm) {
        AffineTransform t = new AffineTransform(mmToPixel);
        t.concatenate(imageToMm);
        g.setTransform(new AffineTransform());
        // a large reduction with bicubic sampling aliases; pre-shrink so the final step is at most 2:1
        BufferedImage src = Downscale.forScale(image, Math.sqrt(Math.abs(t.getDeterminant())));
        t.scale((double) image.getWidth() / src.getWidth(), (double) image.getHeight() / src.getHeight());
        g.drawImage(src, t, null);
        g.setTransform(mmToPixel);
    }
}
