package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.PhotoPrint;
import org.shinsei.sample.PhotoPrints;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.sample.SimulatedScan;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * The photo stage on whole generated form pages (org.shinsei.sample: form renderer, scan simulator, the
 * generator's portrait prints), registered with the generator's true transform.
 */
class PhotoInspectorTest {

    private static FormLayout layout;
    private static PhotoInspector inspector;
    private static ScanSimulator scanner;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        layout = LayoutLoader.loadDefault();
        inspector = new PhotoInspector(PhotoProperties.defaults(), layout);
        scanner = new ScanSimulator(new FormRenderer(layout));
    }

    @Test
    void compliantPrintSlightlyOffAndTurnedIsMeasuredAndAccepted() {
        PhotoMeasurement m = inspect(PhotoPrints.compliant().withPlacement(1.5, -1, 2.5),
                ScanConditions.clean(300).withGeometry(0, 1.5, 3, -2, 0.01).withQuality(240, 3, 0.7, 60), 1);
        assertEquals(35, m.widthMm(), 0.7);
        assertEquals(45, m.heightMm(), 0.7);
        assertEquals(34, m.faceHeightMm(), 2);
        assertEquals(4, m.topMarginMm(), 1);
        assertEquals(0, m.centreOffsetMm(), 1);
        assertEquals(1, m.faces());
        assertTrue(rejections(m).isEmpty(), "compliant print rejected: " + m.reasons());
    }

    @Test
    void greyScanUpsideDownAt200DpiStillFindsTheFace() {
        PhotoMeasurement m = inspect(PhotoPrints.compliant(),
                ScanConditions.clean(200).withColour(false).withGeometry(180, -2, 0, 0, 0).withQuality(235, 3, 0.8, 40), 2);
        assertEquals(1, m.faces());
        assertTrue(rejections(m).isEmpty(), "compliant print rejected: " + m.reasons());
    }

    @Test
    void noPrintIsPhotoMissingAndMeasuresNothing() {
        PhotoMeasurement m = inspect(null, ScanConditions.clean(300).withQuality(238, 3, 0.8, 50), 3);
        assertEquals(Set.of(ReasonCode.PHOTO_MISSING), codes(m));
        assertNull(m.widthMm());
        assertEquals(0, m.faces());
    }

    @Test
    void shrunkPrintIsTheWrongSize() {
        PhotoMeasurement m = inspect(PhotoPrints.compliant().withSize(30, 38.5), ScanConditions.clean(300), 4);
        assertTrue(codes(m).contains(ReasonCode.PHOTO_SIZE), m.reasons().toString());
        assertEquals(30, m.widthMm(), 0.7);
        assertEquals(38.5, m.heightMm(), 0.7);
    }

    @Test
    void smallHeadIsFraming() {
        PhotoMeasurement m = inspect(PhotoPrints.smallHead(), ScanConditions.clean(300), 5);
        assertTrue(codes(m).contains(ReasonCode.FACE_FRAMING), m.reasons().toString());
        assertNotNull(m.faceHeightMm());
        assertTrue(m.faceHeightMm() < 26, "head " + m.faceHeightMm());
    }

    @Test
    void busyBackdropIsNotPlain() {
        PhotoMeasurement m = inspect(PhotoPrints.busyBackground(), ScanConditions.clean(300), 6);
        assertTrue(codes(m).contains(ReasonCode.BACKGROUND_NOT_PLAIN), m.reasons().toString());
    }

    /**
     * The real naval cap (Grace Hopper) is not accepted: its crown makes the head too tall. HEADWEAR itself is not
     * named since issue 19 removed the straight-edge cue that found it (it fired on bare heads): a known limit.
     */
    @Test
    void navalCapIsNotAccepted() {
        PhotoMeasurement m = inspect(PhotoPrints.headwear(), ScanConditions.clean(300), 7);
        assertTrue(m.reasons().stream().anyMatch(r -> r.severity() == Severity.REJECT
                && (r.code() == ReasonCode.HEADWEAR || r.code() == ReasonCode.FACE_FRAMING)), m.reasons().toString());
    }

    @Test
    void threadsShareOneInspectorAndGetTheSameAnswer() throws Exception {
        FormContent content = FormContent.typical("12345678901234567890123").withPhoto(PhotoPrints.compliant());
        try (RegisteredPage page = registered(scanner.scan(content, ScanConditions.clean(300), 8))) {
            PhotoMeasurement alone = inspector.inspect(page, new PageRef("threads", 1));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<PhotoMeasurement>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(() -> inspector.inspect(page, new PageRef("threads", 1))));
                }
                for (Future<PhotoMeasurement> run : runs) {
                    assertEquals(alone, run.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static PhotoMeasurement inspect(PhotoPrint print, ScanConditions c, long seed) {
        FormContent content = FormContent.typical("12345678901234567890123").withPhoto(print);
        SimulatedScan scan = scanner.scan(content, c, seed);
        try (RegisteredPage page = registered(scan)) {
            PhotoMeasurement m = inspector.inspect(page, new PageRef("generated-" + seed, 1));
            System.out.println("seed " + seed + ": " + m);
            return m;
        }
    }

    /** The page as registration would hand it over, from the generator's exact transform (pixel centres at integers). */
    static RegisteredPage registered(SimulatedScan scan) {
        return scan.toRegisteredPage(0, 0);
    }

    private static Set<ReasonCode> codes(PhotoMeasurement m) {
        return m.reasons().stream().map(r -> r.code()).collect(Collectors.toCollection(() -> EnumSet.noneOf(ReasonCode.class)));
    }

    private static Set<ReasonCode> rejections(PhotoMeasurement m) {
        return m.reasons().stream().filter(r -> r.severity() == Severity.REJECT).map(r -> r.code())
                .collect(Collectors.toSet());
    }
}
