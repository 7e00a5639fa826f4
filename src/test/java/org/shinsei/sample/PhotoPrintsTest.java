package org.shinsei.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/** The portrait prints show what their names promise: a plain backdrop, or not. */
class PhotoPrintsTest {

    @Test
    void compliantPrintHasAPlainBackdropAroundTheHead() {
        BufferedImage img = PhotoPrints.compliant().image();
        assertEquals(350, img.getWidth());
        assertEquals(450, img.getHeight());
        // above the crown (4 mm = 40 px) and at the sides of the face: backdrop only
        double top = spread(img, 0, 0, 350, 30);
        double left = spread(img, 0, 60, 20, 150);
        System.out.printf("compliant backdrop spread: top %.1f, left %.1f grey levels%n", top, left);
        assertTrue(top < 3 && left < 3, "backdrop not plain: " + top + ", " + left);
        assertTrue(spread(img, 100, 120, 150, 200) > 20, "no face in the middle");
    }

    @Test
    void busyPrintIsBusyWhereTheCompliantOneIsPlain() {
        double busy = spread(PhotoPrints.busyBackground().image(), 0, 60, 20, 150);
        System.out.printf("busy backdrop spread at the left: %.1f grey levels%n", busy);
        assertTrue(busy > 20);
    }

    @Test
    void smallHeadLeavesBackdropWhereTheCompliantHeadIs() {
        // 10 mm below the top, near the edge of a 34 mm head, a 20 mm head (crown at 8 mm) leaves plain backdrop
        assertTrue(spread(PhotoPrints.smallHead().image(), 20, 100, 60, 100) < 3);
    }

    @Test
    void fromFaceFramesByPupils() {
        BufferedImage face = PhotoPrints.portrait("astronaut.png");
        // astronaut pupils at about (205, 108) and (247, 108): 42 px apart → head 155 px, scale 34 mm / 155 px
        PhotoPrint print = PhotoPrints.fromFace(face, 205, 108, 247, 108);
        assertEquals(35, print.widthMm());
        assertEquals(350, print.image().getWidth());
    }

    /** Standard deviation of the grey level in a rectangle. */
    static double spread(BufferedImage img, int x0, int y0, int w, int h) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int p = img.getRGB(x, y);
                double g = ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) / 3.0;
                s += g;
                s2 += g * g;
                n++;
            }
        }
        double mean = s / n;
        return Math.sqrt(Math.max(0, s2 / n - mean * mean));
    }
}
