package org.shinsei.sample;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

import org.shinsei.form.MmRect;

/** Pastes a print over the photo guide, with the thin shadow its edge casts in a flatbed scan. */
final class PhotoPaster {

    private static final Color EDGE_SHADOW = new Color(140, 140, 140);
    private static final double SHADOW_MM = 0.2;

    private PhotoPaster() {
    }

    static void paste(Canvas c, PhotoPrint print, MmRect guide) {
        AffineTransform printToMm = printToMm(print, guide);
        AffineTransform shadow = AffineTransform.getTranslateInstance(SHADOW_MM, SHADOW_MM);
        shadow.concatenate(printToMm);
        c.fill(shadow.createTransformedShape(new Rectangle2D.Double(0, 0, print.widthMm(), print.heightMm())), EDGE_SHADOW);
        AffineTransform imageToMm = new AffineTransform(printToMm);
        imageToMm.scale(print.widthMm() / print.image().getWidth(), print.heightMm() / print.image().getHeight());
        c.image(print.image(), imageToMm);
    }

    /** Print coordinates (mm from the print's top-left corner) to page mm. */
    static AffineTransform printToMm(PhotoPrint print, MmRect guide) {
        AffineTransform t = new AffineTransform();
        t.translate(guide.centreX() + print.offsetXMm(), guide.centreY() + print.offsetYMm());
        t.rotate(Math.toRadians(print.rotationDeg()));
        t.translate(-print.widthMm() / 2, -print.heightMm() / 2);
        return t;
    }
}
