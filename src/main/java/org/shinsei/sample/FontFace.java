package org.shinsei.sample;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fonts the form is printed and written with, from Debian packages (fonts-ipaexfont, fonts-dejavu-core,
 * fonts-klee). Loaded from their installed paths once per JVM; a missing font is a setup fault and fails at once.
 * Text is turned into outlines at a large size and scaled down, so that no hinting distorts millimetre-sized glyphs.
 */
public enum FontFace {
    /** Labels and titles (layout.yml {@code font: gothic}). */
    GOTHIC("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
    /** Pre-printed resident data. */
    MINCHO("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
    /** The printed application ID (layout.yml {@code font: monospace}). */
    MONOSPACE("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    /** Hand-writing style, regular weight. */
    KLEE("/usr/share/fonts/truetype/klee/KleeOne-Regular.ttf"),
    /** Hand-writing style, a heavier pen. */
    KLEE_SEMIBOLD("/usr/share/fonts/truetype/klee/KleeOne-SemiBold.ttf");

    private static final float MASTER_SIZE = 100f;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final String path;
    private volatile Font font;

    FontFace(String path) {
        this.path = path;
    }

    public Path path() {
        return Path.of(path);
    }

    /** The font at the master size (100 units per em). */
    public Font font() {
        Font f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                f = font;
            }
        }
        return f;
    }

    private Font load() {
        try (var in = Files.newInputStream(Path.of(path))) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(MASTER_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("font " + path + " cannot be read (install the Debian font package)", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + path + " is not a TrueType font", e);
        }
    }

    /** The outline of {@code text} with the baseline starting at {@code (x, y)} mm, em size {@code sizeMm}. */
    public Shape outline(String text, double sizeMm, double x, double y) {
        GlyphVector gv = font().createGlyphVector(FRC, text);
        AffineTransform t = AffineTransform.getTranslateInstance(x, y);
        t.scale(sizeMm / MASTER_SIZE, sizeMm / MASTER_SIZE);
        return t.createTransformedShape(gv.getOutline());
    }

    /** Advance width of {@code text} in mm at em size {@code sizeMm}. */
    public double advance(String text, double sizeMm) {
        return font().createGlyphVector(FRC, text).getLogicalBounds().getWidth() * sizeMm / MASTER_SIZE;
    }

    /** Ink bounds of {@code text} at em size 1 with the baseline origin at (0, 0). */
    public Rectangle2D unitInkBounds(String text) {
        Rectangle2D b = font().createGlyphVector(FRC, text).getOutline().getBounds2D();
        return new Rectangle2D.Double(b.getX() / MASTER_SIZE, b.getY() / MASTER_SIZE,
                b.getWidth() / MASTER_SIZE, b.getHeight() / MASTER_SIZE);
    }
}
