package org.shinsei.id;

/**
 * One printed digit resampled to a small fixed grid, the same way for the scanned cell and for the templates
 * ({@link DigitTemplates}): centred on the digit's ink box, one pitch wide and {@value #HEIGHT_FACTOR} median digit
 * heights tall, so that the digits keep their proportions (a 1 stays narrow) and their place in the cell. The grid
 * has a border of {@value #BORDER} sample on each side, so that a template can be tried one sample off-centre.
 */
final class DigitPatch {

    static final int WIDTH = 16;
    static final int HEIGHT = 24;
    static final int BORDER = 1;
    static final int SAMPLED_WIDTH = WIDTH + 2 * BORDER;
    static final int SAMPLED_HEIGHT = HEIGHT + 2 * BORDER;
    static final double HEIGHT_FACTOR = 1.2;

    private DigitPatch() {
    }

    /**
     * Bilinear samples of the grey image around the box's centre, paper (255) outside the image.
     *
     * @param grey        8-bit grey pixels, row by row
     * @param w           image width
     * @param h           image height
     * @param box         the digit's ink box
     * @param pitch       character pitch, px
     * @param digitHeight median digit height, px
     * @return {@link #SAMPLED_WIDTH} × {@link #SAMPLED_HEIGHT} values 0..255, row by row
     */
    static double[] sample(byte[] grey, int w, int h, LineCells.Box box, double pitch, double digitHeight) {
        double sx = pitch / WIDTH;
        double sy = HEIGHT_FACTOR * digitHeight / HEIGHT;
        double cx = box.centreX();
        double cy = box.centreY();
        double[] out = new double[SAMPLED_WIDTH * SAMPLED_HEIGHT];
        for (int j = 0; j < SAMPLED_HEIGHT; j++) {
            // pixel i covers [i, i+1), its value sits at i + 0.5
            double y = cy + (j + 0.5 - SAMPLED_HEIGHT / 2.0) * sy - 0.5;
            for (int i = 0; i < SAMPLED_WIDTH; i++) {
                double x = cx + (i + 0.5 - SAMPLED_WIDTH / 2.0) * sx - 0.5;
                out[j * SAMPLED_WIDTH + i] = bilinear(grey, w, h, x, y);
            }
        }
        return out;
    }

    private static double bilinear(byte[] grey, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double a = at(grey, w, h, x0, y0);
        double b = at(grey, w, h, x0 + 1, y0);
        double c = at(grey, w, h, x0, y0 + 1);
        double d = at(grey, w, h, x0 + 1, y0 + 1);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static double at(byte[] grey, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255 : grey[y * w + x] & 0xFF;
    }
}
