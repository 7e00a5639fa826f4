package org.shinsei.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Photo prints for generated forms (the portrait-based prints follow; for now a plain light print). */
public final class PhotoPrints {

    private PhotoPrints() {
    }

    public static PhotoPrint compliant() {
        BufferedImage img = new BufferedImage(350, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(205, 215, 225));
        g.fillRect(0, 0, 350, 450);
        g.dispose();
        return PhotoPrint.standard(img);
    }
}
