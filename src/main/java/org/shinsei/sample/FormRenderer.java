package org.shinsei.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

import org.shinsei.form.FormLayout;

/**
 * Draws a 交付申請書 exactly as {@code layout.yml} describes it, then the applicant's ink and photo on top.
 * The form is drawn in page millimetres on a {@link Canvas}, so the same drawing serves an upright page
 * ({@link #render}), a simulated scan ({@link ScanSimulator}) and a vector PDF page ({@link EnvelopeWriter}).
 */
public final class FormRenderer {

    public static final double MM_PER_INCH = 25.4;

    private final FormLayout layout;
    private final PrintedFormPainter printed;
    private final InkPainter ink;

    /** A renderer whose printed words come from the project's {@code config/layout.yml}. */
    public FormRenderer(FormLayout layout) {
        this(layout, PrintedText.loadDefault());
    }

    public FormRenderer(FormLayout layout, PrintedText text) {
        this.layout = layout;
        this.printed = new PrintedFormPainter(layout, text);
        this.ink = new InkPainter(layout);
    }

    public FormLayout layout() {
        return layout;
    }

    /** The page's drawing: print, then ink, then the pasted photo (which covers the guide frame). */
    public PagePainter painter(FormContent content) {
        return canvas -> {
            printed.paint(canvas, content);
            ink.paint(canvas, content);
            if (content.photo() != null) {
                PhotoPaster.paste(canvas, content.photo(), layout.photoBox());
            }
        };
    }

    /** The whole A4 page, upright, in colour on white paper: pixel (i, j) covers [i, i+1) × [j, j+1) at dpi. */
    public BufferedImage render(FormContent content, double dpi) {
        return renderPage(painter(content), layout.pageWidth(), layout.pageHeight(), dpi);
    }

    /** Any page drawing, upright on white paper, {@code round(mm · dpi / 25.4)} pixels each way. */
    public static BufferedImage renderPage(PagePainter painter, double widthMm, double heightMm, double dpi) {
        double pxPerMm = dpi / MM_PER_INCH;
        BufferedImage img = new BufferedImage((int) Math.round(widthMm * pxPerMm), (int) Math.round(heightMm * pxPerMm),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            painter.paint(new Java2dCanvas(g, AffineTransform.getScaleInstance(pxPerMm, pxPerMm)));
        } finally {
            g.dispose();
        }
        return img;
    }
}
