package org.shinsei.sample;

import java.awt.image.BufferedImage;

/** Box-filter halving of an image until its scale factor is small enough to resample without aliasing. */
final class Downscale {

    private Downscale() {
    }

    /** Halves {@code image} while the linear drawing scale (output px per input px) is below 1/2. */
    static BufferedImage forScale(BufferedImage image, double outputPxPerInputPx) {
        BufferedImage out = image;
        double scale = outputPxPerInputPx;
        while (scale < 0.5 && out.getWidth() >= 4 && out.getHeight() >= 4) {
            out = half(out);
            scale *= 2;
        }
        return out;
    }

    private static BufferedImage half(BufferedImage in) {
        int w = in.getWidth() / 2;
        int h = in.getHeight() / 2;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = 0;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = in.getRGB(2 * x + dx, 2 * y + dy);
                        int pa = p >>> 24;
                        a += pa;
                        r += ((p >> 16) & 0xff) * pa;
                        g += ((p >> 8) & 0xff) * pa;
                        b += (p & 0xff) * pa;
                    }
                }
                int argb = a == 0 ? 0 : ((a / 4) << 24) | ((r / a) << 16) | ((g / a) << 8) | (b / a);
                out.setRGB(x, y, argb);
            }
        }
        return out;
    }
}
