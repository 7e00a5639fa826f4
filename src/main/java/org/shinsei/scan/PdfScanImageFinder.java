package org.shinsei.scan;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.Optional;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.util.Matrix;

/**
 * Decides whether a PDF page is nothing but one scan image covering the page, as scanners write them, and if so
 * hands out that image and where it is drawn. Clipping and invisible text (an OCR layer) are allowed; any
 * visible vector drawing, visible text, a second image, a stencil mask, a mirrored placement or a visible
 * annotation means the page must be rendered instead.
 */
final class PdfScanImageFinder extends PDFGraphicsStreamEngine {

    /** How far (points, or fraction of the page side) the image's edges may miss the page's edges. */
    private static final double EDGE_TOLERANCE_PT = 2.0;
    private static final double EDGE_TOLERANCE_FRACTION = 0.015;

    /** The one image and the matrix that places its unit square on the page (PDF user space). */
    record PlacedImage(PDImage image, Matrix ctm) {

        /** Resolution along the image's own x axis: pixels per inch of drawn width. */
        double dpi() {
            double widthPt = Math.hypot(ctm.getScaleX(), ctm.getShearY());
            return image.getWidth() / (widthPt / 72.0);
        }
    }

    private final PDPage page;
    private PlacedImage found;
    private int images;
    private boolean painted;
    private final Point2D.Float current = new Point2D.Float();

    private PdfScanImageFinder(PDPage page) {
        super(page);
        this.page = page;
    }

    static Optional<PlacedImage> find(PDPage page) throws IOException {
        if (hasVisibleAnnotation(page)) {
            return Optional.empty();
        }
        PdfScanImageFinder finder = new PdfScanImageFinder(page);
        finder.processPage(page);
        if (finder.painted || finder.images != 1 || !finder.coversPage(finder.found.ctm())) {
            return Optional.empty();
        }
        return Optional.of(finder.found);
    }

    private static boolean hasVisibleAnnotation(PDPage page) throws IOException {
        for (PDAnnotation a : page.getAnnotations()) {
            if (a.getAppearance() != null && !a.isHidden() && !a.isNoView()) {
                return true;
            }
        }
        return false;
    }

    private boolean coversPage(Matrix m) {
        // A mirrored placement (negative determinant) would hand registration a mirrored page.
        double det = m.getScaleX() * m.getScaleY() - m.getShearX() * m.getShearY();
        if (det <= 0) {
            return false;
        }
        double[] xs = new double[4];
        double[] ys = new double[4];
        int i = 0;
        for (int u = 0; u <= 1; u++) {
            for (int v = 0; v <= 1; v++) {
                Point2D.Float p = m.transformPoint(u, v);
                xs[i] = p.x;
                ys[i++] = p.y;
            }
        }
        PDRectangle box = page.getCropBox();
        double tolX = Math.max(EDGE_TOLERANCE_PT, EDGE_TOLERANCE_FRACTION * box.getWidth());
        double tolY = Math.max(EDGE_TOLERANCE_PT, EDGE_TOLERANCE_FRACTION * box.getHeight());
        return Math.abs(min(xs) - box.getLowerLeftX()) <= tolX && Math.abs(max(xs) - box.getUpperRightX()) <= tolX
                && Math.abs(min(ys) - box.getLowerLeftY()) <= tolY && Math.abs(max(ys) - box.getUpperRightY()) <= tolY;
    }

    private static double min(double[] v) {
        return Math.min(Math.min(v[0], v[1]), Math.min(v[2], v[3]));
    }

    private static double max(double[] v) {
        return Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
    }

    @Override
    public void drawImage(PDImage pdImage) {
        images++;
        if (pdImage.isStencil()) {
            painted = true;
            return;
        }
        found = new PlacedImage(pdImage, getGraphicsState().getCurrentTransformationMatrix().clone());
    }

    @Override
    protected void showText(byte[] string) throws IOException {
        RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
        if (mode.isFill() || mode.isStroke()) {
            painted = true;
        }
        // Invisible text (render mode 3, an OCR layer) is not drawn; its glyphs need not be decoded.
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        current.setLocation(p0);
    }

    @Override
    public void clip(int windingRule) {
        // A clip path changes nothing visible by itself.
    }

    @Override
    public void moveTo(float x, float y) {
        current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        current.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
        // Paths matter only when painted.
    }

    @Override
    public void endPath() {
        // "n": the path is discarded without painting (used after a clip).
    }

    @Override
    public void strokePath() {
        painted = true;
    }

    @Override
    public void fillPath(int windingRule) {
        painted = true;
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        painted = true;
    }

    @Override
    public void shadingFill(COSName shadingName) {
        painted = true;
    }
}
