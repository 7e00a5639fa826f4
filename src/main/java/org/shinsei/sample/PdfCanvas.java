package org.shinsei.sample;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link Canvas} writing PDF vector operators: shapes become filled paths (text as glyph outlines), images become
 * lossless image XObjects. The caller has set the content stream's matrix so that user space is page mm, y down.
 */
final class PdfCanvas implements Canvas {

    private final PDDocument document;
    private final PDPageContentStream content;

    PdfCanvas(PDDocument document, PDPageContentStream content) {
        this.document = document;
        this.content = content;
    }

    @Override
    public void fill(Shape shapeMm, Color colour) {
        try {
            content.setNonStrokingColor(colour);
            PathIterator it = shapeMm.getPathIterator(null);
            boolean evenOdd = it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
            float[] s = new float[6];
            float lastX = 0;
            float lastY = 0;
            boolean any = false;
            for (; !it.isDone(); it.next()) {
                switch (it.currentSegment(s)) {
                    case PathIterator.SEG_MOVETO -> {
                        content.moveTo(s[0], s[1]);
                        lastX = s[0];
                        lastY = s[1];
                    }
                    case PathIterator.SEG_LINETO -> {
                        content.lineTo(s[0], s[1]);
                        lastX = s[0];
                        lastY = s[1];
                    }
                    case PathIterator.SEG_QUADTO -> {
                        // a quadratic Bézier as the cubic through the same curve
                        content.curveTo(lastX + 2f / 3 * (s[0] - lastX), lastY + 2f / 3 * (s[1] - lastY),
                                s[2] + 2f / 3 * (s[0] - s[2]), s[3] + 2f / 3 * (s[1] - s[3]), s[2], s[3]);
                        lastX = s[2];
                        lastY = s[3];
                    }
                    case PathIterator.SEG_CUBICTO -> {
                        content.curveTo(s[0], s[1], s[2], s[3], s[4], s[5]);
                        lastX = s[4];
                        lastY = s[5];
                    }
                    case PathIterator.SEG_CLOSE -> content.closePath();
                    default -> throw new IllegalStateException("unknown path segment");
                }
                any = true;
            }
            if (any) {
                if (evenOdd) {
                    content.fillEvenOdd();
                } else {
                    content.fill();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void image(BufferedImage image, AffineTransform imageToMm) {
        try {
            PDImageXObject x = LosslessFactory.createFromImage(document, image);
            // PDF draws an image into the unit square with its first row at the top (y = 1)
            AffineTransform unit = new AffineTransform(imageToMm);
            unit.concatenate(new AffineTransform(image.getWidth(), 0, 0, -image.getHeight(), 0, image.getHeight()));
            content.drawImage(x, new Matrix(unit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
