package org.shinsei.id;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.FormLayout;

/**
 * Makes {@code printed-digit-templates.txt} (the {@link DigitTemplates} resource): lines of random digits set in
 * the fonts below, from Debian packages (fonts-dejavu-core, fonts-liberation), at the ID line's size and the
 * stage's crop resolution, degraded like scans (scale ±4 %, sub-pixel shift, ink thickened, blur, grey paper and
 * ink, noise, JPEG quality 30–90), cut into cells and resampled exactly as the stage does it ({@link LineCells},
 * {@link DigitPatch}), and averaged per digit. Seeded: the same fonts give the same file.
 * Regenerate with {@code mvn -o -q test -Dtest=DigitTemplatesTest -Did.templates.write=true}.
 */
final class DigitTemplatesBuilder {

    /** name in the file, font file */
    record FontFile(String name, String path) {
    }

    static final List<FontFile> FONTS = List.of(
            new FontFile("DejaVuSansMono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
            new FontFile("DejaVuSansMono-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"),
            new FontFile("LiberationMono", "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"));

    static final int LINES_PER_FONT = 120;
    static final long SEED = 0xD161757L;

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final FormLayout layout;
    private final IdProperties props;
    int linesUsed;
    int linesSkipped;

    DigitTemplatesBuilder(FormLayout layout, IdProperties props) {
        this.layout = layout;
        this.props = props;
    }

    String build() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# Mean printed digits for the ID stage's fast check (org.shinsei.id.DigitTemplates).\n");
        out.append("# Made by src/test/java/org/shinsei/id/DigitTemplatesBuilder.java, seed ").append(Long.toHexString(SEED))
                .append(", ").append(LINES_PER_FONT).append(" degraded lines per font, from fonts of Debian packages:\n");
        for (FontFile f : FONTS) {
            out.append("#   ").append(f.name()).append(" = ").append(f.path()).append('\n');
        }
        out.append("# Each line: font, digit, then ").append(DigitPatch.WIDTH).append('x').append(DigitPatch.HEIGHT)
                .append(" grey values 0..255 row by row.\n");
        Random rnd = new Random(SEED);
        for (FontFile f : FONTS) {
            Font font;
            try (var in = Files.newInputStream(Path.of(f.path()))) {
                font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(100f);
            }
            double[][] sum = new double[10][DigitPatch.WIDTH * DigitPatch.HEIGHT];
            int[] count = new int[10];
            for (int l = 0; l < LINES_PER_FONT; l++) {
                accumulate(font, rnd, sum, count);
            }
            for (int d = 0; d < 10; d++) {
                out.append(f.name()).append(' ').append(d);
                for (double v : sum[d]) {
                    out.append(' ').append((int) Math.round(v / count[d]));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private void accumulate(Font font, Random rnd, double[][] sum, int[] count) {
        String digits = GeneratedPages.randomId(rnd);
        double pxPerMm = props.digitsPxPerMm() * (0.96 + 0.08 * rnd.nextDouble());
        double margin = props.digitsMarginMm();
        int w = (int) Math.round((layout.idDigits().width() + 2 * margin) * props.digitsPxPerMm());
        int h = (int) Math.round((layout.idDigits().height() + 2 * margin) * props.digitsPxPerMm());
        double em = layout.idDigitsSizeMm() * pxPerMm;
        double x = margin * pxPerMm + rnd.nextDouble() * 4;
        double y = (layout.idDigitsOrigin().y() - layout.idDigits().y() + margin) * pxPerMm + rnd.nextDouble() * 4 - 2;
        AffineTransform t = AffineTransform.getTranslateInstance(x, y);
        t.rotate(Math.toRadians(rnd.nextDouble() * 0.6 - 0.3));
        t.scale(em / 100, em / 100);
        Shape text = t.createTransformedShape(font.createGlyphVector(FRC,
                grouped(digits)).getOutline());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        int paper = 215 + rnd.nextInt(41);
        int inkLevel = rnd.nextInt(70);
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(inkLevel, inkLevel, inkLevel));
        g.fill(text);
        double thicken = rnd.nextDouble() < 0.5 ? 0 : rnd.nextDouble() * 1.2;
        if (thicken > 0) {
            g.setStroke(new BasicStroke((float) thicken));
            g.draw(text);
        }
        g.dispose();
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        m.put(0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        Mat ink = null;
        try {
            double sigma = 0.3 + rnd.nextDouble() * 0.9;
            Imgproc.GaussianBlur(m, m, new Size(0, 0), sigma);
            double noise = rnd.nextDouble() * 8;
            if (noise > 0) {
                byte[] px = new byte[w * h];
                m.get(0, 0, px);
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) Math.max(0, Math.min(255, (int) Math.round((px[i] & 0xFF) + rnd.nextGaussian() * noise)));
                }
                m.put(0, 0, px);
            }
            MatOfByte jpeg = new MatOfByte();
            Imgcodecs.imencode(".jpg", m, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 30 + rnd.nextInt(61)));
            m.release();
            m = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_GRAYSCALE);
            jpeg.release();
            ink = PrintedIdReader.ink(m);
            LineCells.Cells cells = LineCells.find(ink, LineCells.ADVANCE_EM * layout.idDigitsSizeMm() * props.digitsPxPerMm());
            if (cells == null) {
                linesSkipped++;
                return;
            }
            linesUsed++;
            byte[] px = new byte[w * h];
            m.get(0, 0, px);
            for (int k = 0; k < LineCells.COUNT; k++) {
                int d = digits.charAt(k) - '0';
                double[] s = DigitPatch.sample(px, w, h, cells.boxes().get(k), cells.pitch(), cells.digitHeight());
                for (int j = 0; j < DigitPatch.HEIGHT; j++) {
                    for (int i = 0; i < DigitPatch.WIDTH; i++) {
                        sum[d][j * DigitPatch.WIDTH + i] += s[(j + DigitPatch.BORDER) * DigitPatch.SAMPLED_WIDTH + i + DigitPatch.BORDER];
                    }
                }
                count[d]++;
            }
        } finally {
            m.release();
            if (ink != null) {
                ink.release();
            }
        }
    }

    /** Groups of four separated by one space, as the form prints the ID. */
    static String grouped(String digits) {
        return digits.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d lines used, %d skipped", linesUsed, linesSkipped);
    }
}
