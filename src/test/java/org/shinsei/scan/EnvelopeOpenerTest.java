package org.shinsei.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.awt.color.ColorSpace;
import java.awt.Transparency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

class EnvelopeOpenerTest {

    @TempDir
    Path dir;

    private final EnvelopeOpener opener = new EnvelopeOpener(ScanProperties.defaults());
    /** With {@code shinsei.scan.decode.split-colour-jpeg=false}: a colour JPEG decoded whole, in BGR. */
    private final EnvelopeOpener whole = new EnvelopeOpener(ScanProperties.defaults(), new ScanDecodeProperties(false));
    private List<ScanPage> opened = List.of();

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    @AfterEach
    void release() {
        opened.forEach(ScanPage::close);
    }

    private List<ScanPage> open(String name, byte[] bytes) throws Exception {
        return open(opener, name, bytes);
    }

    private List<ScanPage> open(EnvelopeOpener o, String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        opened = o.open(file, PageRef.envelope(name));
        return opened;
    }

    private static void assertSamePixels(Mat actual, Mat expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.type()).as("type").isEqualTo(expected.type());
        assertThat(Core.norm(actual, expected, Core.NORM_INF)).isZero();
    }

    // --- PNG ---

    @Test
    void greyPngWithoutDpiStaysGreyAndHasNoDpi() throws Exception {
        Mat grey = TestFiles.grey(300, 200);
        ScanPage page = open("a.png", TestFiles.encode(".png", grey)).get(0);
        assertSamePixels(page.image(), grey);
        assertThat(page.dpi()).isNull();
        assertThat(page.pageNo()).isEqualTo(1);
    }

    @Test
    void colourPngKeepsBgrAndReadsPhysDpi() throws Exception {
        Mat colour = TestFiles.colour(300, 200);
        ScanPage page = open("b.png", TestFiles.pngWithDpi(TestFiles.encode(".png", colour), 300)).get(0);
        assertSamePixels(page.image(), colour);
        assertThat(page.dpi()).isCloseTo(300.0, within(0.1));
    }

    @Test
    void sixteenBitPngBecomesEightBit() throws Exception {
        Mat grey = TestFiles.grey(120, 80);
        Mat deep = new Mat();
        grey.convertTo(deep, CvType.CV_16U, 257);
        ScanPage page = open("c.png", TestFiles.encode(".png", deep)).get(0);
        assertSamePixels(page.image(), grey);

        Mat colour = TestFiles.colour(120, 80);
        Mat deepColour = new Mat();
        colour.convertTo(deepColour, CvType.CV_16U, 257);
        page = open("d.png", TestFiles.encode(".png", deepColour)).get(0);
        assertSamePixels(page.image(), colour);
    }

    @Test
    void transparencyIsLaidOntoWhitePaper() throws Exception {
        Mat bgra = new Mat(50, 100, CvType.CV_8UC4, new Scalar(0, 0, 200, 255));
        bgra.submat(new Rect(0, 0, 50, 50)).setTo(new Scalar(0, 0, 200, 0));
        bgra.submat(new Rect(50, 0, 10, 50)).setTo(new Scalar(0, 0, 0, 128));
        Mat image = open("e.png", TestFiles.encode(".png", bgra)).get(0).image();
        assertThat(image.type()).isEqualTo(CvType.CV_8UC3);
        assertThat(image.get(10, 10)).containsExactly(255, 255, 255);
        assertThat(image.get(10, 55)[0]).isCloseTo(127, within(1.0));
        assertThat(image.get(10, 80)).containsExactly(0, 0, 200);
    }

    @Test
    void greyPngWithAlphaStaysGrey() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(40, 20);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                raster.setSample(x, y, 0, 30);
                raster.setSample(x, y, 1, x < 20 ? 0 : 255);
            }
        }
        byte[] png = TestFiles.imageIo(new BufferedImage(cm, raster, false, null), "png");
        Mat image = open("f.png", png).get(0).image();
        assertThat(image.type()).isEqualTo(CvType.CV_8UC1);
        assertThat(image.get(5, 5)[0]).isEqualTo(255);
        assertThat(image.get(5, 30)[0]).isEqualTo(30);
    }

    @Test
    void palettePngBecomesBgr() throws Exception {
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, 0};
        byte[] b = {0, (byte) 255};
        BufferedImage img = new BufferedImage(30, 10, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b));
        for (int x = 0; x < 30; x++) {
            for (int y = 0; y < 10; y++) {
                img.getRaster().setSample(x, y, 0, x < 15 ? 0 : 1);
            }
        }
        Mat image = open("g.png", TestFiles.imageIo(img, "png")).get(0).image();
        assertThat(image.type()).isEqualTo(CvType.CV_8UC3);
        assertThat(image.get(5, 5)).containsExactly(0, 0, 255);
        assertThat(image.get(5, 25)).containsExactly(255, 0, 0);
    }

    @Test
    void formatIsToldByBytesNotByName() throws Exception {
        Mat grey = TestFiles.grey(64, 48);
        ScanPage page = open("scan.pdf", TestFiles.encode(".png", grey)).get(0);
        assertSamePixels(page.image(), grey);
    }

    // --- JPEG ---

    @Test
    void jpegPixelsAreOpenCvsAndDpiComesFromJfif() throws Exception {
        byte[] greyJpeg = TestFiles.encode(".jpg", TestFiles.grey(300, 200), Imgcodecs.IMWRITE_JPEG_QUALITY, 60);
        ScanPage grey = open("h.jpg", greyJpeg).get(0);
        assertSamePixels(grey.image(), TestFiles.decode(greyJpeg));
        assertThat(grey.image().channels()).isEqualTo(1);
        assertThat(grey.dpi()).as("JFIF density units 0 is an aspect ratio, not a dpi").isNull();

        byte[] colourJpeg = TestFiles.jpegWithDpi(TestFiles.encode(".jpg", TestFiles.colour(300, 200)), 200);
        ScanPage colour = open(whole, "i.jpeg", colourJpeg).get(0);
        assertSamePixels(colour.image(), TestFiles.decode(colourJpeg));
        assertThat(colour.image().channels()).isEqualTo(3);
        assertThat(colour.dpi()).isEqualTo(200.0);
    }

    // --- TIFF ---

    @Test
    void twoPageTiffKeepsGreyAndColourAndDpi() throws Exception {
        Mat grey = TestFiles.grey(200, 150);
        Mat colour = TestFiles.colour(180, 120);
        byte[] tiff = TestFiles.tiff(List.of(TestFiles.toBufferedImage(grey), TestFiles.toBufferedImage(colour)), 400);
        List<ScanPage> pages = open("j.tif", tiff);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).pageNo()).isEqualTo(1);
        assertThat(pages.get(1).pageNo()).isEqualTo(2);
        assertSamePixels(pages.get(0).image(), grey);
        assertSamePixels(pages.get(1).image(), colour);
        assertThat(pages.get(0).dpi()).isEqualTo(400.0);
        assertThat(pages.get(1).dpi()).isEqualTo(400.0);
    }

    @Test
    void bilevelTiffWithoutDpiBecomesGrey() throws Exception {
        BufferedImage fax = new BufferedImage(64, 32, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                fax.getRaster().setSample(x, y, 0, 1);
            }
        }
        ScanPage page = open("k.tiff", TestFiles.tiff(List.of(fax), null)).get(0);
        assertThat(page.image().type()).isEqualTo(CvType.CV_8UC1);
        assertThat(page.image().get(5, 5)[0]).isEqualTo(255);
        assertThat(page.image().get(5, 50)[0]).isEqualTo(0);
        assertThat(page.dpi()).isNull();
    }

    @Test
    void paletteAndDeepTiffPagesKeepTheJdksHandling() throws Exception {
        // given: pages OpenCV's libtiff is not asked to decode (a colour palette, 16-bit grey) beside one it is
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, 0};
        byte[] b = {0, (byte) 255};
        BufferedImage palette = new BufferedImage(30, 10, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b));
        BufferedImage deep = new BufferedImage(30, 10, BufferedImage.TYPE_USHORT_GRAY);
        for (int x = 0; x < 30; x++) {
            for (int y = 0; y < 10; y++) {
                palette.getRaster().setSample(x, y, 0, x < 15 ? 0 : 1);
                deep.getRaster().setSample(x, y, 0, x < 15 ? 65535 : 257 * 30);
            }
        }
        Mat grey = TestFiles.grey(30, 10);

        // when
        List<ScanPage> pages = open("p.tif", TestFiles.tiff(List.of(palette, deep, TestFiles.toBufferedImage(grey)), 300));

        // then
        assertThat(pages.get(0).image().type()).isEqualTo(CvType.CV_8UC3);
        assertThat(pages.get(0).image().get(5, 5)).containsExactly(0, 0, 255);
        assertThat(pages.get(0).image().get(5, 25)).containsExactly(255, 0, 0);
        assertThat(pages.get(1).image().type()).isEqualTo(CvType.CV_8UC1);
        assertThat(pages.get(1).image().get(5, 5)[0]).isEqualTo(255);
        assertThat(pages.get(1).image().get(5, 25)[0]).isEqualTo(30);
        assertSamePixels(pages.get(2).image(), grey);
    }

    // --- PDF ---

    @Test
    void scanPdfPagesAreTheEmbeddedJpegsNotARendering() throws Exception {
        byte[] greyJpeg = TestFiles.encode(".jpg", TestFiles.grey(400, 566), Imgcodecs.IMWRITE_JPEG_QUALITY, 50);
        byte[] colourJpeg = TestFiles.encode(".jpg", TestFiles.colour(400, 566), Imgcodecs.IMWRITE_JPEG_QUALITY, 80);
        List<ScanPage> pages = open(whole, "l.pdf", TestPdfs.scanPdf(List.of(greyJpeg, colourJpeg), 200));
        assertThat(pages).hasSize(2);
        assertSamePixels(pages.get(0).image(), TestFiles.decode(greyJpeg));
        assertSamePixels(pages.get(1).image(), TestFiles.decode(colourJpeg));
        assertThat(pages.get(0).dpi()).isCloseTo(200.0, within(0.1));
        assertThat(pages.get(1).dpi()).isCloseTo(200.0, within(0.1));
    }

    @Test
    void byDefaultAColour420PageIsItsLumaAndHalfResolutionColour() throws Exception {
        EnvelopeOpener split = opener;
        byte[] colourJpeg = TestFiles.encode(".jpg", TestFiles.colour(400, 566), Imgcodecs.IMWRITE_JPEG_QUALITY, 80);
        for (String name : List.of("m.pdf", "n.jpg")) {
            byte[] bytes = name.endsWith(".pdf") ? TestPdfs.scanPdf(List.of(colourJpeg), 200) : colourJpeg;
            ScanPage page = open(split, name, bytes).get(0);
            assertThat(page.colour()).isTrue();
            MatOfByte encoded = new MatOfByte(colourJpeg);
            assertSamePixels(page.image(), Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_GRAYSCALE));
            assertSamePixels(page.chroma(), Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_REDUCED_COLOR_2));
            encoded.release();
            page.close();
        }
    }

    @Test
    void vectorPdfPageIsRenderedGreyAtRenderDpi() throws Exception {
        ScanPage page = open("m.pdf", TestPdfs.vectorPdf()).get(0);
        Mat image = page.image();
        assertThat(image.type()).isEqualTo(CvType.CV_8UC1);
        assertThat(image.cols()).isEqualTo(2480);
        assertThat(image.rows()).isCloseTo(3508, within(1));
        assertThat(page.dpi()).isEqualTo(300.0);
        double pxPerMm = 300 / 25.4;
        assertThat(image.get((int) (30 * pxPerMm), (int) (30 * pxPerMm))[0]).as("inside the black square").isLessThan(10);
        assertThat(image.get((int) (10 * pxPerMm), (int) (10 * pxPerMm))[0]).as("paper").isGreaterThan(245);
    }

    @Test
    void imageThatDoesNotCoverThePageIsRendered() throws Exception {
        byte[] jpeg = TestFiles.encode(".jpg", TestFiles.grey(200, 140));
        ScanPage page = open("n.pdf", TestPdfs.partialImagePdf(jpeg)).get(0);
        assertThat(page.image().cols()).isEqualTo(2480);
        assertThat(page.image().get(3400, 1000)[0]).as("the empty bottom half").isGreaterThan(245);
    }

    @Test
    void cmykPdfImageBecomesBgr() throws Exception {
        Mat image = open("o.pdf", TestPdfs.cmykPdf(60, 40, 255, 0, 0, 0)).get(0).image();
        assertThat(image.type()).isEqualTo(CvType.CV_8UC3);
        double[] cyan = image.get(20, 30);
        assertThat(cyan[0]).as("blue").isGreaterThan(150);
        assertThat(cyan[2]).as("red").isLessThan(100);
    }

    // --- unreadable ---

    @Test
    void encryptedPdfIsUnreadable() throws Exception {
        byte[] pdf = TestPdfs.encrypt(TestPdfs.vectorPdf(), "user-secret");
        assertThatThrownBy(() -> open("p.pdf", pdf))
                .isInstanceOf(UnreadableEnvelopeException.class).hasMessageContaining("encrypted");
    }

    @Test
    void ownerPasswordOnlyPdfStillOpens() throws Exception {
        byte[] pdf = TestPdfs.encrypt(TestPdfs.vectorPdf(), "");
        assertThat(open("q.pdf", pdf)).hasSize(1);
    }

    @Test
    void truncatedFilesOfEveryFormatAreUnreadable() throws Exception {
        Mat colour = TestFiles.colour(400, 300);
        byte[] jpeg = TestFiles.encode(".jpg", colour);
        List<byte[]> whole = List.of(
                TestFiles.encode(".png", colour),
                jpeg,
                TestFiles.tiff(List.of(TestFiles.toBufferedImage(colour)), 300),
                TestPdfs.scanPdf(List.of(jpeg), 300));
        String[] names = {"t.png", "t.jpg", "t.tif", "t.pdf"};
        for (int i = 0; i < whole.size(); i++) {
            byte[] cut = Arrays.copyOf(whole.get(i), whole.get(i).length / 2);
            String name = names[i];
            assertThatThrownBy(() -> open(name, cut)).describedAs(name).isInstanceOf(UnreadableEnvelopeException.class);
        }
    }

    @Test
    void emptyAndRandomFilesAreUnreadable() {
        assertThatThrownBy(() -> open("empty.pdf", new byte[0]))
                .isInstanceOf(UnreadableEnvelopeException.class).hasMessageContaining("empty");
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        noise[0] = 'x';
        assertThatThrownBy(() -> open("noise.jpg", noise))
                .isInstanceOf(UnreadableEnvelopeException.class).hasMessage("not a PDF, TIFF, PNG or JPEG file");
    }

    @Test
    void pdfHeaderWithRubbishBehindIsUnreadable() {
        byte[] bytes = new byte[3000];
        new Random(3).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
        assertThatThrownBy(() -> open("rubbish.pdf", bytes)).isInstanceOf(UnreadableEnvelopeException.class);
    }

    // --- limits ---

    @Test
    void limitsAreCheckedAndNamed() throws Exception {
        Mat grey = TestFiles.grey(200, 150);
        byte[] png = TestFiles.encode(".png", grey);
        byte[] tiff = TestFiles.tiff(List.of(TestFiles.toBufferedImage(grey), TestFiles.toBufferedImage(grey)), null);
        byte[] jpeg = TestFiles.encode(".jpg", grey);

        EnvelopeOpener fewPixels = new EnvelopeOpener(new ScanProperties(1 << 20, 10, 10_000, 300));
        assertThatThrownBy(() -> open(fewPixels, "u.png", png)).hasMessageContaining("max-pixels-per-page");
        assertThatThrownBy(() -> open(fewPixels, "u.jpg", jpeg)).hasMessageContaining("max-pixels-per-page");
        assertThatThrownBy(() -> open(fewPixels, "u.pdf", TestPdfs.scanPdf(List.of(jpeg), 300)))
                .hasMessageContaining("max-pixels-per-page");
        assertThatThrownBy(() -> open(fewPixels, "v.pdf", TestPdfs.vectorPdf())).hasMessageContaining("max-pixels-per-page");

        EnvelopeOpener onePage = new EnvelopeOpener(new ScanProperties(1 << 20, 1, 1_000_000, 300));
        assertThatThrownBy(() -> open(onePage, "w.tif", tiff)).hasMessageContaining("max-pages");

        EnvelopeOpener smallFiles = new EnvelopeOpener(new ScanProperties(1000, 10, 1_000_000, 300));
        assertThatThrownBy(() -> open(smallFiles, "x.png", png)).hasMessageContaining("max-file-bytes");
    }

    @Test
    void a600DpiA4PageIsWithinTheDefaultPixelLimit() {
        long a4At600 = Math.round(210 / 25.4 * 600) * Math.round(297 / 25.4 * 600);
        assertThat(a4At600).isLessThan(ScanProperties.defaults().maxPixelsPerPage());
    }

}
