package org.shinsei.sample;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes page images as envelope files in the formats SPEC §1 accepts: PDF (one embedded JPEG per page, or vector
 * pages), multi-page TIFF, PNG and JPEG, each with or without a stated resolution. Grey or colour follows the
 * image type ({@code TYPE_BYTE_GRAY} is written as 8-bit grey).
 */
public final class EnvelopeWriter {

    private static final double PT_PER_INCH = 72;
    private static final double MM_PER_METRE = 1000;

    /** TIFF compression schemes of the JDK writer. */
    public enum TiffCompression {
        NONE(null), DEFLATE("Deflate"), LZW("LZW"), PACKBITS("PackBits"), JPEG("JPEG");

        private final String imageIoName;

        TiffCompression(String imageIoName) {
            this.imageIoName = imageIoName;
        }
    }

    private EnvelopeWriter() {
    }

    /** One embedded JPEG per page; the page size is the image size at {@code dpi} (so the PDF states the dpi). */
    public static void writePdf(Path file, List<BufferedImage> pages, double dpi, float jpegQuality) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage img : pages) {
                float w = (float) (img.getWidth() / dpi * PT_PER_INCH);
                float h = (float) (img.getHeight() / dpi * PT_PER_INCH);
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PDImageXObject x = JPEGFactory.createFromImage(doc, img, jpegQuality, (int) Math.round(dpi));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, w, h);
                }
            }
            save(doc, file);
        }
    }

    /** Vector pages (A4 portrait): every shape and glyph is a PDF path, images (a pasted photo) are embedded as drawn. */
    public static void writeVectorPdf(Path file, List<PagePainter> pages) throws IOException {
        float w = (float) (210 / FormRenderer.MM_PER_INCH * PT_PER_INCH);
        float h = (float) (297 / FormRenderer.MM_PER_INCH * PT_PER_INCH);
        try (PDDocument doc = new PDDocument()) {
            for (PagePainter painter : pages) {
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float k = (float) (PT_PER_INCH / FormRenderer.MM_PER_INCH);
                    cs.transform(new Matrix(k, 0, 0, -k, 0, h));
                    painter.paint(new PdfCanvas(doc, cs));
                }
            }
            save(doc, file);
        }
    }

    /**
     * Saves with a document ID derived from the file name instead of the clock, so that regenerating a sample
     * gives the same bytes.
     */
    private static void save(PDDocument doc, Path file) throws IOException {
        byte[] id;
        try {
            id = MessageDigest.getInstance("MD5").digest(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JRE", e);
        }
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
        doc.save(file.toFile());
    }

    /** A multi-page TIFF; {@code dpi} null = no resolution tags. */
    public static void writeTiff(Path file, List<BufferedImage> pages, Double dpi, TiffCompression compression)
            throws IOException {
        ImageWriter writer = writer("tiff");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression.imageIoName != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression.imageIoName);
                if (compression == TiffCompression.JPEG) {
                    param.setCompressionQuality(0.8f);
                }
            }
            writer.prepareWriteSequence(null);
            for (BufferedImage img : pages) {
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
                if (dpi != null) {
                    meta.mergeTree("javax_imageio_1.0", standardDpi(dpi));
                }
                writer.writeToSequence(new IIOImage(img, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** A PNG; {@code dpi} null = no pHYs chunk. */
    public static void writePng(Path file, BufferedImage img, Double dpi) throws IOException {
        ImageWriter writer = writer("png");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            if (dpi != null) {
                // the native pHYs node: the JDK's standard-tree mapping for PNG resolution is not reliable
                String perMetre = Long.toString(Math.round(dpi / FormRenderer.MM_PER_INCH * MM_PER_METRE));
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                phys.setAttribute("pixelsPerUnitXAxis", perMetre);
                phys.setAttribute("pixelsPerUnitYAxis", perMetre);
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                root.appendChild(phys);
                meta.mergeTree("javax_imageio_png_1.0", root);
            }
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** A baseline JPEG (JFIF); {@code dpi} null = JFIF density "aspect ratio only" (units 0, 1:1). */
    public static void writeJpeg(Path file, BufferedImage img, Double dpi, float quality) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeJpeg(out, img, dpi, quality);
        }
    }

    public static void writeJpeg(OutputStream target, BufferedImage img, Double dpi, float quality) throws IOException {
        ImageWriter writer = writer("jpeg");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
            int density = dpi == null ? 1 : (int) Math.round(dpi);
            jfif.setAttribute("resUnits", dpi == null ? "0" : "1");
            jfif.setAttribute("Xdensity", Integer.toString(density));
            jfif.setAttribute("Ydensity", Integer.toString(density));
            meta.setFromTree("javax_imageio_jpeg_image_1.0", root);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** The resolution as ImageIO's standard metadata states it: millimetres per pixel. */
    private static IIOMetadataNode standardDpi(double dpi) {
        String mmPerPixel = Double.toString(FormRenderer.MM_PER_INCH / dpi);
        IIOMetadataNode h = new IIOMetadataNode("HorizontalPixelSize");
        h.setAttribute("value", mmPerPixel);
        IIOMetadataNode v = new IIOMetadataNode("VerticalPixelSize");
        v.setAttribute("value", mmPerPixel);
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        dim.appendChild(h);
        dim.appendChild(v);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dim);
        return root;
    }

    private static ImageWriter writer(String format) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
        if (!it.hasNext()) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return it.next();
    }

}
