package org.shinsei.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;

/** Every envelope format is written so that a standard reader gets the pages, the colour model and the dpi back. */
class EnvelopeWriterTest {

    @TempDir
    Path dir;

    private static FormRenderer renderer;
    private static BufferedImage colour;
    private static BufferedImage grey;

    @BeforeAll
    static void scans() {
        FormLayout layout = LayoutLoader.loadDefault();
        renderer = new FormRenderer(layout);
        ScanSimulator sim = new ScanSimulator(renderer);
        FormContent form = FormContent.typical("11112222333344445555666");
        colour = sim.scan(form, ScanConditions.clean(200), 1).image();
        grey = sim.scan(form, ScanConditions.clean(200).withColour(false), 2).image();
    }

    @Test
    void pdfEmbedsOneJpegPerPageSizedByTheDpi() throws IOException {
        Path file = dir.resolve("env.pdf");
        EnvelopeWriter.writePdf(file, List.of(colour, grey), 200, 0.75f);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            for (int i = 0; i < 2; i++) {
                PDPage page = doc.getPage(i);
                assertEquals(colour.getWidth() / 200.0 * 72, page.getMediaBox().getWidth(), 0.01);
                COSName name = page.getResources().getXObjectNames().iterator().next();
                PDImageXObject img = (PDImageXObject) page.getResources().getXObject(name);
                assertEquals("DCTDecode", img.getCOSObject().getCOSName(COSName.FILTER).getName());
                assertEquals(colour.getWidth(), img.getWidth());
                assertEquals(i == 0 ? 3 : 1, img.getColorSpace().getNumberOfComponents());
            }
        }
    }

    @Test
    void vectorPdfHasNoImageWithoutAPhotoAndRendersTheFiducials() throws IOException {
        Path file = dir.resolve("vector.pdf");
        FormContent form = FormContent.typical("11112222333344445555666").withPhoto(null);
        EnvelopeWriter.writeVectorPdf(file, List.of(renderer.painter(form)));
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDPage page = doc.getPage(0);
            assertFalse(page.getResources().getXObjectNames().iterator().hasNext(), "a vector page holds no image");
            assertEquals(595.3, page.getMediaBox().getWidth(), 0.1);
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 100);
            double pxPerMm = 100 / 25.4;
            // finder centre (11.5, 11.5) mm is black; its white ring at 1.5 mm from the centre... is white
            assertTrue((img.getRGB((int) (11.5 * pxPerMm), (int) (11.5 * pxPerMm)) & 0xff) < 60);
            assertTrue((img.getRGB((int) (11.5 * pxPerMm), (int) (9.5 * pxPerMm)) & 0xff) > 200);
            assertTrue((img.getRGB((int) (198.5 * pxPerMm), (int) (285.5 * pxPerMm)) & 0xff) < 60);
        }
    }

    @Test
    void multiPageTiffWithAndWithoutDpi() throws IOException {
        Path with = dir.resolve("with.tif");
        Path without = dir.resolve("without.tif");
        EnvelopeWriter.writeTiff(with, List.of(grey, colour), 200.0, EnvelopeWriter.TiffCompression.DEFLATE);
        EnvelopeWriter.writeTiff(without, List.of(grey), null, EnvelopeWriter.TiffCompression.LZW);
        try (ImageInputStream in = ImageIO.createImageInputStream(with.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(2, r.getNumImages(true));
            BufferedImage p1 = r.read(0);
            assertEquals(1, p1.getRaster().getNumBands());
            assertEquals(3, r.read(1).getRaster().getNumBands());
            assertEquals(grey.getRGB(500, 700), p1.getRGB(500, 700), "lossless");
            assertEquals(200, dpi(r.getImageMetadata(0)), 0.01);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(without.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertNull(dpiOrNull(r.getImageMetadata(0)));
        }
    }

    @Test
    void pngWithAndWithoutPhys() throws IOException {
        Path with = dir.resolve("with.png");
        Path without = dir.resolve("without.png");
        EnvelopeWriter.writePng(with, grey, 300.0);
        EnvelopeWriter.writePng(without, colour, null);
        assertEquals(300, pngDpi(metadata(with)), 0.1);
        assertNull(pngDpi(metadata(without)));
        assertEquals(colour.getRGB(321, 654), ImageIO.read(without.toFile()).getRGB(321, 654));
    }

    @Test
    void jpegWithAndWithoutJfifDensity() throws IOException {
        Path with = dir.resolve("with.jpg");
        Path without = dir.resolve("without.jpg");
        EnvelopeWriter.writeJpeg(with, colour, 200.0, 0.75f);
        EnvelopeWriter.writeJpeg(without, grey, null, 0.35f);
        IIOMetadataNode jfif = (IIOMetadataNode) ((IIOMetadataNode) metadata(with).getAsTree("javax_imageio_jpeg_image_1.0"))
                .getElementsByTagName("app0JFIF").item(0);
        assertEquals("1", jfif.getAttribute("resUnits"));
        assertEquals("200", jfif.getAttribute("Xdensity"));
        IIOMetadataNode none = (IIOMetadataNode) ((IIOMetadataNode) metadata(without).getAsTree("javax_imageio_jpeg_image_1.0"))
                .getElementsByTagName("app0JFIF").item(0);
        assertEquals("0", none.getAttribute("resUnits"));
        assertEquals(1, ImageIO.read(without.toFile()).getRaster().getNumBands());
    }

    private static IIOMetadata metadata(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            return r.getImageMetadata(0);
        }
    }

    private static Double pngDpi(IIOMetadata meta) {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_png_1.0");
        var nodes = root.getElementsByTagName("pHYs");
        if (nodes.getLength() == 0) {
            return null;
        }
        IIOMetadataNode phys = (IIOMetadataNode) nodes.item(0);
        assertEquals("meter", phys.getAttribute("unitSpecifier"));
        return Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
    }

    private static double dpi(IIOMetadata meta) {
        Double d = dpiOrNull(meta);
        assertTrue(d != null, "no resolution in the file");
        return d;
    }

    /** Through ImageIO's standard tree (mm per pixel), as the envelope opener is likely to read it. */
    private static Double dpiOrNull(IIOMetadata meta) {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_1.0");
        var nodes = root.getElementsByTagName("HorizontalPixelSize");
        if (nodes.getLength() == 0) {
            return null;
        }
        double mmPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
        return 25.4 / mmPerPixel;
    }
}
