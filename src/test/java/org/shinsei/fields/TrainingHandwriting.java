package org.shinsei.fields;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.shinsei.form.MmRect;
import org.shinsei.sample.Canvas;
import org.shinsei.sample.Handwriting;
import org.shinsei.sample.MnistDigits;

/**
 * The hand-writing of the digit network's training data (training/digits): each box gets one given MNIST sample (or a
 * digit in the Setofont hand-writing font), varied the way writing in a 7 × 9 mm box varies — pen width, slant,
 * aspect, size and position within the box (near or over its lines) —
 * and, for 1 and 7, the strokes with which they are written in Japan (a 1 with a flag and sometimes a foot, a 7
 * with a tick at the left end of its bar), which MNIST's American writers rarely make. Deterministic per salt.
 */
final class TrainingHandwriting implements Handwriting {

    /** What one box receives: an MNIST index, or (index < 0) the font's {@code fontDigit}. */
    record Write(int label, int mnistIndex, long seed) {
    }

    static final Path SETO = Path.of("/usr/share/fonts/truetype/seto/setofont.ttf");
    private static final int UP = 2;
    private static Font seto;

    private final MnistDigits digits;
    private final Map<Long, Write> bySalt;
    private final Color ink;
    private final boolean varied;

    /**
     * @param varied true: every variation above (training); false: the digit as its writer wrote it, only placed
     *               the way people write in a box (65–80 % of its height, ±0.7 mm, ±5°) — the calibration and test
     *               splits, which stand for the night's mail rather than for the hardest cases
     */
    TrainingHandwriting(MnistDigits digits, Map<Long, Write> bySalt, Color ink, boolean varied) {
        this.digits = digits;
        this.bySalt = bySalt;
        this.ink = ink;
        this.varied = varied;
    }

    @Override
    public void drawDigit(Canvas canvas, int digit, MmRect box, Color ignored, long salt) {
        Write w = bySalt.get(salt);
        if (w == null || w.label() != digit) {
            throw new IllegalStateException("box " + salt + " was planned as " + w + ", asked for " + digit);
        }
        SplittableRandom r = new SplittableRandom(w.seed());
        if (!varied) {
            drawAsWritten(canvas, w.mnistIndex(), box, r);
            return;
        }
        BufferedImage cell = w.mnistIndex() >= 0 ? mnistCell(w.mnistIndex(), r) : fontCell(digit, r);
        int side = cell.getWidth();
        double extent = w.mnistIndex() >= 0 ? digits.digitExtent() * UP : side * 0.72;
        double height = box.height() * between(r, 0.52, 0.88);
        double mmPerPx = height / extent;
        double spread = 0.9;
        AffineTransform t = new AffineTransform();
        t.translate(box.centreX() + between(r, -spread, spread), box.centreY() + between(r, -spread, spread));
        t.rotate(Math.toRadians(between(r, -8, 8)));
        t.shear(between(r, -0.32, 0.32), 0);
        t.scale(mmPerPx * between(r, 0.78, 1.22), mmPerPx);
        t.translate(-side / 2.0, -side / 2.0);
        canvas.image(tinted(cell), t);
    }

    private void drawAsWritten(Canvas canvas, int index, MmRect box, SplittableRandom r) {
        int cell = digits.cell();
        double mmPerPx = box.height() * between(r, 0.65, 0.80) / digits.digitExtent();
        AffineTransform t = new AffineTransform();
        t.translate(box.centreX() + between(r, -0.7, 0.7), box.centreY() + between(r, -0.7, 0.7));
        t.rotate(Math.toRadians(between(r, -5, 5)));
        t.scale(mmPerPx, mmPerPx);
        t.translate(-cell / 2.0, -cell / 2.0);
        canvas.image(org.shinsei.sample.MnistHandwriting.inkCell(digits.pixels()[index], cell, ink), t);
    }

    /** The MNIST cell at twice its size, its pen made thinner or heavier, and the Japanese strokes added. */
    private BufferedImage mnistCell(int index, SplittableRandom r) {
        int cell = digits.cell();
        int side = cell * UP;
        float[] a = new float[side * side];
        byte[] px = digits.pixels()[index];
        // bilinear up-sampling (pixel centres aligned)
        for (int y = 0; y < side; y++) {
            double sy = Math.max(0, Math.min(cell - 1, (y + 0.5) / UP - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(cell - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < side; x++) {
                double sx = Math.max(0, Math.min(cell - 1, (x + 0.5) / UP - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(cell - 1, x0 + 1);
                double fx = sx - x0;
                double v = (1 - fy) * ((1 - fx) * u(px[y0 * cell + x0]) + fx * u(px[y0 * cell + x1]))
                        + fy * ((1 - fx) * u(px[y1 * cell + x0]) + fx * u(px[y1 * cell + x1]));
                a[y * side + x] = (float) v;
            }
        }
        double pen = r.nextDouble();
        if (pen < 0.25) {
            a = morph(a, side, false);
        } else if (pen < 0.50) {
            a = morph(a, side, true);
        } else if (pen < 0.58) {
            a = morph(morph(a, side, true), side, true);
        }
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < a.length; i++) {
            img.getRaster().setSample(i % side, i / side, 0, Math.max(0, Math.min(255, Math.round(a[i]))));
        }
        int label = digits.labels()[index];
        if (label == 1 && r.nextDouble() < 0.45) {
            japaneseOne(img, r);
        } else if (label == 7 && r.nextDouble() < 0.3) {
            japaneseSeven(img, r);
        }
        return img;
    }

    private static double u(byte b) {
        return b & 0xff;
    }

    /** A 3 × 3 grey dilation (heavier pen) or erosion (thinner pen). */
    private static float[] morph(float[] a, int side, boolean dilate) {
        float[] out = new float[a.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = dilate ? 0 : 255;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        float s = xx < 0 || yy < 0 || xx >= side || yy >= side ? 0 : a[yy * side + xx];
                        v = dilate ? Math.max(v, s) : Math.min(v, s);
                    }
                }
                out[y * side + x] = v;
            }
        }
        return out;
    }

    /** The flag from the top of the stem down to the left, and sometimes a foot across the bottom. */
    private static void japaneseOne(BufferedImage img, SplittableRandom r) {
        int[] b = inkBounds(img);
        if (b == null) {
            return;
        }
        double pen = strokeWidth(img);
        int[] top = inkMiddle(img, b[1] + 1);
        double len = (b[3] - b[1]) * between(r, 0.2, 0.38);
        double angle = Math.toRadians(between(r, 25, 60));
        Graphics2D g = pen(img, pen);
        g.draw(new Line2D.Double(top[0], top[1], top[0] - len * Math.cos(angle), top[1] + len * Math.sin(angle)));
        if (r.nextDouble() < 0.3) {
            int[] bottom = inkMiddle(img, b[3] - 1);
            double half = (b[3] - b[1]) * between(r, 0.15, 0.28);
            g.draw(new Line2D.Double(bottom[0] - half, bottom[1], bottom[0] + half, bottom[1] + between(r, -1, 1)));
        }
        g.dispose();
    }

    /** A short tick down from the left end of the bar. */
    private static void japaneseSeven(BufferedImage img, SplittableRandom r) {
        int[] b = inkBounds(img);
        if (b == null) {
            return;
        }
        double pen = strokeWidth(img);
        int band = b[1] + Math.max(2, (b[3] - b[1]) / 6);
        int lx = Integer.MAX_VALUE;
        int ly = b[1];
        for (int y = b[1]; y <= band; y++) {
            for (int x = b[0]; x <= b[2]; x++) {
                if (img.getRaster().getSample(x, y, 0) > 128 && x < lx) {
                    lx = x;
                    ly = y;
                }
            }
        }
        if (lx == Integer.MAX_VALUE) {
            return;
        }
        double len = (b[3] - b[1]) * between(r, 0.12, 0.28);
        Graphics2D g = pen(img, pen);
        g.draw(new Line2D.Double(lx + pen / 2, ly, lx + pen / 2 + between(r, -1.5, 1), ly + len));
        g.dispose();
    }

    private static Graphics2D pen(BufferedImage img, double width) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return g;
    }

    /** minX, minY, maxX, maxY of pixels above 128, or null. */
    private static int[] inkBounds(BufferedImage img) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRaster().getSample(x, y, 0) > 128) {
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
            }
        }
        return b[2] < 0 ? null : b;
    }

    /** The middle of the ink on row {@code y} (the nearest row with ink towards the middle if it has none). */
    private static int[] inkMiddle(BufferedImage img, int y) {
        int h = img.getHeight();
        int step = y < h / 2 ? 1 : -1;
        for (int yy = y; yy >= 0 && yy < h; yy += step) {
            int sum = 0;
            int n = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRaster().getSample(x, yy, 0) > 128) {
                    sum += x;
                    n++;
                }
            }
            if (n > 0) {
                return new int[] {sum / n, yy};
            }
        }
        return new int[] {img.getWidth() / 2, y};
    }

    /** The median length of horizontal ink runs: the pen's width for upright strokes. */
    private static double strokeWidth(BufferedImage img) {
        int[] runs = new int[img.getWidth() * img.getHeight()];
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x <= img.getWidth(); x++) {
                boolean on = x < img.getWidth() && img.getRaster().getSample(x, y, 0) > 128;
                if (on) {
                    run++;
                } else if (run > 0) {
                    runs[n++] = run;
                    run = 0;
                }
            }
        }
        if (n == 0) {
            return 3;
        }
        java.util.Arrays.sort(runs, 0, n);
        return Math.max(2, runs[n / 2]);
    }

    /** A digit of the Setofont hand-writing font, filled and stroked with a random pen, on a 56 × 56 cell. */
    private static BufferedImage fontCell(int digit, SplittableRandom r) {
        int side = 28 * UP;
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Shape glyph = font().createGlyphVector(new FontRenderContext(null, true, true), String.valueOf(digit))
                .getOutline();
        Rectangle2D b = glyph.getBounds2D();
        double scale = side * 0.72 / Math.max(b.getWidth(), b.getHeight());
        AffineTransform t = AffineTransform.getTranslateInstance(side / 2.0, side / 2.0);
        t.scale(scale, scale);
        t.translate(-b.getCenterX(), -b.getCenterY());
        Shape placed = t.createTransformedShape(glyph);
        Graphics2D g = pen(img, between(r, 0.1, 2.5));
        g.fill(placed);
        g.draw(placed);
        g.dispose();
        return img;
    }

    private static synchronized Font font() {
        if (seto == null) {
            try (InputStream in = Files.newInputStream(SETO)) {
                seto = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(100f);
            } catch (IOException e) {
                throw new UncheckedIOException(SETO + " cannot be read (apt-get install fonts-seto)", e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(SETO + " is not a TrueType font", e);
            }
        }
        return seto;
    }

    /** Grey cell → ink on transparent, the grey level as the ink's opacity. */
    private BufferedImage tinted(BufferedImage cell) {
        int side = cell.getWidth();
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        int rgb = ink.getRGB() & 0xFFFFFF;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out.setRGB(x, y, cell.getRaster().getSample(x, y, 0) << 24 | rgb);
            }
        }
        return out;
    }

    private static double between(SplittableRandom r, double lo, double hi) {
        return lo + r.nextDouble() * (hi - lo);
    }
}
