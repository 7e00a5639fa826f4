package org.shinsei.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.shinsei.form.MmRect;
import org.shinsei.registration.PageTransform;

/**
 * Turns a page drawing into what a flatbed or sheet-fed scanner would deliver: the page on an A4 bed (A4 turned
 * for 90°/270°, plus an optional margin), turned, skewed, shifted and mis-scaled, then paper tone, blur, noise and optionally JPEG.
 * The page is drawn straight onto the bed through the scan's geometry rather than rendered and resampled, so
 * {@link SimulatedScan#truth()} is exact (see its pixel convention).
 */
public final class ScanSimulator {

    private static final int LID_LIGHTER_BY = 8;

    private final FormRenderer renderer;

    public ScanSimulator(FormRenderer renderer) {
        this.renderer = renderer;
    }

    public SimulatedScan scan(FormContent content, ScanConditions conditions, long seed) {
        return scanPage(renderer.painter(content), conditions, seed);
    }

    /** A page that is not a 交付申請書: a letter, the 通知カード, a hand-written 手書用 form or a blank back. */
    public SimulatedScan scanOther(OtherPages page, ScanConditions conditions, long seed) {
        return scanPage(page.painter(), conditions, seed);
    }

    /** Any A4 page drawing. */
    public SimulatedScan scanPage(PagePainter painter, ScanConditions c, long seed) {
        double bedPxPerMm = c.dpi() / FormRenderer.MM_PER_INCH;
        boolean turned = c.orientationDeg() == 90 || c.orientationDeg() == 270;
        double pageW = renderer.layout().pageWidth();
        double pageH = renderer.layout().pageHeight();
        double margin = 2 * c.bedMarginMm();
        int bedW = (int) Math.round(((turned ? pageH : pageW) + margin) * bedPxPerMm);
        int bedH = (int) Math.round(((turned ? pageW : pageH) + margin) * bedPxPerMm);

        AffineTransform t = new AffineTransform();
        t.translate(bedW / 2.0 + c.shiftXMm() * bedPxPerMm, bedH / 2.0 + c.shiftYMm() * bedPxPerMm);
        t.rotate(Math.toRadians(c.orientationDeg() + c.skewDeg()));
        t.scale(c.pxPerMm(), c.pxPerMm());
        t.translate(-pageW / 2, -pageH / 2);
        int lid = Math.min(255, c.paperTone() + LID_LIGHTER_BY);
        return draw(painter, c, seed, bedW, bedH, t, lid);
    }

    /**
     * Only part of an upright page, {@code window} (mm), as the scanner would deliver that part: the same drawing,
     * tone, blur, noise and JPEG as a whole page at a fraction of the cost (for making training data of the
     * hand-written boxes). Shift, skew and scale act about the window's centre; the orientation must be 0.
     */
    public SimulatedScan scanWindow(PagePainter painter, ScanConditions c, long seed, MmRect window) {
        if (c.orientationDeg() != 0) {
            throw new IllegalArgumentException("a window is scanned upright, got orientation " + c.orientationDeg());
        }
        double bedPxPerMm = c.dpi() / FormRenderer.MM_PER_INCH;
        int bedW = (int) Math.round(window.width() * bedPxPerMm);
        int bedH = (int) Math.round(window.height() * bedPxPerMm);
        AffineTransform t = new AffineTransform();
        t.translate(bedW / 2.0 + c.shiftXMm() * bedPxPerMm, bedH / 2.0 + c.shiftYMm() * bedPxPerMm);
        t.rotate(Math.toRadians(c.skewDeg()));
        t.scale(c.pxPerMm(), c.pxPerMm());
        t.translate(-window.centreX(), -window.centreY());
        return draw(painter, c, seed, bedW, bedH, t, c.paperTone());
    }

    private SimulatedScan draw(PagePainter painter, ScanConditions c, long seed, int bedW, int bedH,
                               AffineTransform t, int lid) {
        double pageW = renderer.layout().pageWidth();
        double pageH = renderer.layout().pageHeight();
        BufferedImage rgb = new BufferedImage(bedW, bedH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(new Color(lid, lid, lid));
            g.fillRect(0, 0, bedW, bedH);
            Java2dCanvas canvas = new Java2dCanvas(g, t);
            int tone = c.paperTone();
            canvas.fill(new Rectangle2D.Double(0, 0, pageW, pageH), new Color(tone, tone, tone));
            painter.paint(canvas);
        } finally {
            g.dispose();
        }
        BufferedImage out = ScanDegradation.apply(rgb, c, seed);
        PageTransform truth = new PageTransform(t.getScaleX(), t.getShearX(), t.getTranslateX(),
                t.getShearY(), t.getScaleY(), t.getTranslateY());
        return new SimulatedScan(out, truth, c.dpi());
    }
}
