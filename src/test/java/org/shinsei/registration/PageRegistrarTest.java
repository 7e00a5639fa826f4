package org.shinsei.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmPoint;
import org.shinsei.form.MmRect;
import org.shinsei.sample.EnvelopeWriter;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.sample.SimulatedScan;
import org.shinsei.scan.EnvelopeOpener;
import org.shinsei.scan.ScanPage;
import org.shinsei.scan.ScanProperties;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/** Registration through the real opener, on rendered (vector) pages, and against look-alikes. */
class PageRegistrarTest {

    private static final String ID = "12345678901234567890123";

    @TempDir
    Path dir;

    private static FormLayout layout;
    private static FormRenderer renderer;
    private static ScanSimulator simulator;
    private static PageRegistrar registrar;
    private static EnvelopeOpener opener;

    private List<ScanPage> pages = List.of();
    private PageAnalysis analysis;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        layout = LayoutLoader.loadDefault();
        renderer = new FormRenderer(layout);
        simulator = new ScanSimulator(renderer);
        registrar = new PageRegistrar(RegistrationProperties.defaults(), layout);
        opener = new EnvelopeOpener(ScanProperties.defaults());
    }

    @AfterEach
    void release() {
        if (analysis != null && analysis.page() != null) {
            analysis.page().close();
        }
        pages.forEach(ScanPage::close);
    }

    @Test
    void scanPdfOpenedAndRegisteredWithinHalfAMillimetre() throws Exception {
        ScanConditions c = ScanConditions.clean(300).withGeometry(270, -2.5, 4, -3, 0.015).withBedMargin(15)
                .withQuality(240, 3, 0.8, 0);
        SimulatedScan scan = simulator.scan(FormContent.typical(ID), c, 11);
        Path pdf = dir.resolve("env.pdf");
        EnvelopeWriter.writePdf(pdf, List.of(scan.image()), 300, 0.5f);
        pages = opener.open(pdf, PageRef.envelope("env.pdf"));
        analysis = registrar.analyse(pages.get(0), PageRef.envelope("env.pdf").page(1));

        assertThat(analysis.kind()).isEqualTo(PageKind.FORM);
        RegisteredPage reg = analysis.page();
        assertThat(reg.orientationDeg()).isEqualTo(270);
        assertThat(reg.skewDeg()).isCloseTo(-2.5, within(0.1));
        assertThat(reg.declaredDpi()).isCloseTo(300, within(0.5));
        assertThat(reg.dpi()).isCloseTo(300 * 1.015, within(1.0));
        for (MmPoint centre : centres()) {
            double[] found = reg.transform().toPixel(centre);
            double[] truth = scan.truth().toPixel(centre);
            double e = Math.hypot(found[0] - (truth[0] - 0.5), found[1] - (truth[1] - 0.5)) / c.pxPerMm();
            assertThat(e).as("error at %s, mm", centre).isLessThan(0.5);
        }
        assertUprightFinderCrop(reg);
    }

    @Test
    void vectorPdfFormIsRenderedAndRegistered() throws Exception {
        Path pdf = dir.resolve("vector.pdf");
        EnvelopeWriter.writeVectorPdf(pdf, List.of(renderer.painter(FormContent.typical(ID))));
        pages = opener.open(pdf, PageRef.envelope("vector.pdf"));
        analysis = registrar.analyse(pages.get(0), PageRef.envelope("vector.pdf").page(1));

        assertThat(analysis.kind()).isEqualTo(PageKind.FORM);
        RegisteredPage reg = analysis.page();
        assertThat(reg.grey()).isSameAs(reg.image());
        assertThat(reg.orientationDeg()).isZero();
        assertThat(reg.skewDeg()).isCloseTo(0, within(0.05));
        assertThat(reg.dpi()).isCloseTo(300, within(1.0));
        double pxPerMm = 300 / 25.4;
        for (MmPoint centre : centres()) {
            double[] found = reg.transform().toPixel(centre);
            // PDFBox renders pixel i over [i, i+1) of the page; OpenCV puts its centre at i.
            double e = Math.hypot(found[0] - (centre.x() * pxPerMm - 0.5), found[1] - (centre.y() * pxPerMm - 0.5)) / pxPerMm;
            assertThat(e).as("error at %s, mm", centre).isLessThan(0.15);
        }
        assertUprightFinderCrop(reg);
    }

    @Test
    void wrongDeclaredDpiIsIgnored() {
        SimulatedScan scan = simulator.scan(FormContent.typical(ID), ScanConditions.clean(200).withColour(false), 2);
        Mat image = scan.toMat();
        pages = List.of(new ScanPage(1, image, 72.0));
        analysis = registrar.analyse(pages.get(0), PageRef.envelope("dpi72.png").page(1));
        assertThat(analysis.kind()).isEqualTo(PageKind.FORM);
        assertThat(analysis.page().dpi()).isCloseTo(200, within(1.0));
        assertThat(analysis.page().declaredDpi()).isEqualTo(72.0);
    }

    @Test
    void mirroredScanIsNotAForm() {
        SimulatedScan scan = simulator.scan(FormContent.typical(ID), ScanConditions.clean(300), 3);
        Mat image = scan.toMat();
        Core.flip(image, image, 1);
        pages = List.of(new ScanPage(1, image, 300.0));
        analysis = registrar.analyse(pages.get(0), PageRef.envelope("mirror.png").page(1));
        assertThat(analysis.kind()).isEqualTo(PageKind.OTHER);
    }

    /** QR finder patterns are nested squares too; a QR code with 1 mm modules has 7 mm finders in a 1:1 triangle. */
    @Test
    void qrCodeFindersAreNotFiducials() throws Exception {
        double pxPerMm = 300 / 25.4;
        BitMatrix qr = new QRCodeWriter().encode(ID, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
        Mat page = new Mat((int) (297 * pxPerMm), (int) (210 * pxPerMm), CvType.CV_8UC1, new Scalar(245));
        int module = (int) Math.round(pxPerMm);
        int x0 = (int) (40 * pxPerMm);
        int y0 = (int) (60 * pxPerMm);
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    page.submat(y0 + y * module, y0 + (y + 1) * module, x0 + x * module, x0 + (x + 1) * module).setTo(new Scalar(20));
                }
            }
        }
        pages = List.of(new ScanPage(1, page, 300.0));
        analysis = registrar.analyse(pages.get(0), PageRef.envelope("qr.png").page(1));
        assertThat(analysis.kind()).isEqualTo(PageKind.OTHER);
    }

    /** The top-left finder cropped upright through the transform: black edge, white ring, black core. */
    private static void assertUprightFinderCrop(RegisteredPage reg) {
        MmRect finder = layout.fiducials().topLeft();
        Mat crop = reg.cropGrey(finder, 10);
        try {
            assertThat(crop.size().width).isEqualTo(70);
            assertThat(crop.get(35, 35)[0]).as("core").isLessThan(100);
            assertThat(crop.get(35, 15)[0]).as("white ring").isGreaterThan(150);
            assertThat(crop.get(35, 4)[0]).as("black edge").isLessThan(100);
            assertThat(crop.get(4, 35)[0]).as("black edge").isLessThan(100);
        } finally {
            crop.release();
        }
    }

    private static List<MmPoint> centres() {
        FormLayout.Fiducials f = layout.fiducials();
        return List.of(f.topLeftCentre(), f.topRightCentre(), f.bottomLeftCentre(), f.bottomRightCentre());
    }
}
