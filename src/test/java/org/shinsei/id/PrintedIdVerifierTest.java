package org.shinsei.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.ScanConditions;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * The fast path of the printed digits ({@link PrintedIdVerifier}) on generated scans, pages of other seeds than
 * the ID evaluation's: it confirms clean lines, and never a digit that the print does not show.
 */
class PrintedIdVerifierTest {

    static final IdProperties PROPS = IdProperties.defaults();
    static final double PITCH = LineCells.ADVANCE_EM * GeneratedPages.LAYOUT.idDigitsSizeMm() * PROPS.digitsPxPerMm();
    static final int PAGES = Integer.getInteger("id.match.pages", 36);
    static PrintedIdVerifier verifier;
    static IdReader reader;
    /** The clean pages: the printed (and QR) ID, the stage's reading, and the line's crop. */
    static final List<Clean> CLEAN = new ArrayList<>();

    record Clean(String id, IdRead read, Mat crop) {
    }

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        verifier = new PrintedIdVerifier(DigitTemplates.load(), PROPS.matchMinScore(), PROPS.matchMinLead());
        reader = new IdReader(PROPS, GeneratedPages.LAYOUT);
        for (int i = 0; i < PAGES; i++) {
            String id = id(i);
            try (RegisteredPage page = page(i, id, id)) {
                IdRead r = reader.readDetailed(page, PageRef.envelope("match").page(i + 1));
                CLEAN.add(new Clean(id, r, page.cropGrey(GeneratedPages.LAYOUT.idDigits().grow(PROPS.digitsMarginMm()),
                        PROPS.digitsPxPerMm())));
            }
        }
    }

    @AfterAll
    static void tearDown() {
        CLEAN.forEach(c -> c.crop().release());
        reader.close();
    }

    /**
     * i mod 3 = 0: 200 dpi JPEG 30–40, skewed ±5° in four orientations, scaled ±3 % (the evaluation's kind);
     * 1: 300 dpi JPEG 60–90 as scanners deliver; 2: 600 dpi JPEG 30–50, blurred, the crop downsampled.
     */
    static ScanConditions conditions(int i, Random rnd) {
        if (i % 3 == 2) {
            return ScanConditions.clean(600).withGeometry((i / 3 % 4) * 90, rnd.nextDouble() * 10 - 5,
                    rnd.nextDouble() * 20 - 10, rnd.nextDouble() * 20 - 10, rnd.nextDouble() * 0.06 - 0.03)
                    .withQuality(220 + rnd.nextInt(31), 3 + rnd.nextDouble() * 5, 1 + rnd.nextDouble() * 2,
                            30 + rnd.nextInt(21))
                    .withColour(rnd.nextBoolean());
        }
        if (i % 3 == 0) {
            return ScanConditions.clean(200)
                    .withGeometry((i / 3 % 4) * 90, rnd.nextDouble() * 10 - 5, rnd.nextDouble() * 20 - 10,
                            rnd.nextDouble() * 20 - 10, rnd.nextDouble() * 0.06 - 0.03)
                    .withQuality(220 + rnd.nextInt(31), 3 + rnd.nextDouble() * 5, 0.5 + rnd.nextDouble() * 0.8,
                            30 + rnd.nextInt(11))
                    .withColour(rnd.nextBoolean());
        }
        return ScanConditions.clean(300).withGeometry(0, rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 6 - 3,
                rnd.nextDouble() * 6 - 3, 0).withQuality(235 + rnd.nextInt(16), 2 + rnd.nextDouble() * 3,
                0.4 + rnd.nextDouble() * 0.4, 60 + rnd.nextInt(31)).withColour(rnd.nextBoolean());
    }

    static RegisteredPage page(int i, String printedId, String qrId) {
        Random rnd = new Random(0x5EED00L + i);
        return GeneratedPages.scan(FormContent.typical(printedId).withQrPayload(qrId), conditions(i, rnd), 1000 + i);
    }

    static String id(int i) {
        return GeneratedPages.randomId(new Random(0xC0FFEEL + i));
    }

    /**
     * Every single-digit change of the printed ID, at every position and to every other digit (207 per page), is
     * put to the fast path as the QR's ID: none may be confirmed. The closest call is printed: how far the wrong
     * digit still lay behind the best one, in the lead the path requires.
     */
    @Test
    void neverConfirmsAnIdThatDiffersFromThePrintInOneDigit() {
        int checked = 0;
        int confirmed = 0;
        double closest = -2;
        for (Clean c : CLEAN) {
            String id = c.id();
            Mat ink = PrintedIdReader.ink(c.crop());
            double[][] scores = verifier.cellScores(c.crop(), ink, PITCH);
            ink.release();
            assertThat(scores).as("cells of a clean line").isNotNull();
            for (int k = 0; k < 23; k++) {
                for (int d = 1; d <= 9; d++) {
                    char[] other = id.toCharArray();
                    other[k] = (char) ('0' + (other[k] - '0' + d) % 10);
                    PrintedIdVerifier.Verdict v = verifier.judge(scores, new String(other));
                    checked++;
                    if (v.confirmed()) {
                        confirmed++;
                    }
                    closest = Math.max(closest, v.weakestMargin());
                }
            }
        }
        System.out.printf("fast path: %d one-digit changes on %d pages, %d confirmed; the wrong digit's best lead %.3f "
                + "(confirming needs >= %.2f)%n", checked, PAGES, confirmed, closest, PROPS.matchMinLead());
        assertThat(confirmed).isZero();
        assertThat(closest).isLessThan(0);
    }

    /** Clean lines are confirmed (so the fast path cannot silently always fall back to OCR), by a clear lead. */
    @Test
    void confirmsCleanPagesWithoutOcr() {
        int confirmed = 0;
        double weakestLead = 1;
        for (Clean c : CLEAN) {
            String id = c.id();
            IdRead r = c.read();
            assertThat(r.reading().applicationId()).isEqualTo(id);
            assertThat(r.reading().source()).isEqualTo(IdSource.BOTH);
            if (r.printed().check() == PrintedCheck.MATCHED_QR) {
                confirmed++;
                assertThat(r.reading().printedCheck()).isEqualTo(PrintedCheck.MATCHED_QR);
                assertThat(r.printed().digits()).isEqualTo(id);
                Mat ink = PrintedIdReader.ink(c.crop());
                weakestLead = Math.min(weakestLead, verifier.verify(c.crop(), ink, id, PITCH).weakestMargin());
                ink.release();
            }
        }
        System.out.printf("fast path: %d of %d clean pages confirmed without OCR; weakest lead of a confirmed page %.3f%n",
                confirmed, PAGES, weakestLead);
        assertThat(confirmed).isGreaterThanOrEqualTo(PAGES * 9 / 10);
    }

    /** A digit under a sticker, a blot or a stroke through the line: the fast path leaves the line to OCR. */
    @Test
    void damagedDigitsGoToOcr() {
        var digits = GeneratedPages.LAYOUT.idDigits();
        double advance = LineCells.ADVANCE_EM * GeneratedPages.LAYOUT.idDigitsSizeMm();
        double x = GeneratedPages.LAYOUT.idDigitsOrigin().x();
        java.util.List<org.shinsei.sample.PagePainter> damages = java.util.List.of(
                // the whole 6th digit (character position 6), then the right half of the 15th (position 18)
                Damage.sticker(new org.shinsei.form.MmRect(x + 6 * advance - 0.1, digits.y() - 1, advance + 0.2,
                        digits.height() + 2), Damage.STICKER),
                Damage.sticker(new org.shinsei.form.MmRect(x + 18.5 * advance, digits.y() - 1, advance / 2,
                        digits.height() + 2), Damage.STICKER),
                Damage.blot(x + 30, digits.centreY(), 1.8, Damage.INK, new Random(4)),
                canvas -> canvas.stroke(new java.awt.geom.Line2D.Double(x - 2, digits.y() + 3.5, x + 80, digits.y() + 4),
                        Damage.INK, 0.4));
        for (int i = 0; i < damages.size(); i++) {
            String id = id(200 + i);
            Random rnd = new Random(0x5EED00L + 200 + i);
            try (RegisteredPage page = GeneratedPages.scan(FormContent.typical(id), conditions(3 * i + 1, rnd), 2000 + i,
                    damages.get(i))) {
                IdRead r = reader.readDetailed(page, PageRef.envelope("damaged").page(i + 1));
                assertThat(r.printed().check()).as("damage %d", i).isEqualTo(PrintedCheck.OCR);
                assertThat(r.reading().applicationId()).isEqualTo(id);
            }
        }
    }

    /**
     * Pages whose printed ID differs from the QR's in one digit, at positions spread over the line, go through the
     * whole stage: the fast path leaves each to OCR, which reads the print, and the mismatch is reported.
     */
    @Test
    void aOneDigitMismatchGoesToOcrAndIsReported() {
        for (int i = 0; i < 8; i++) {
            String id = id(100 + i);
            char[] c = id.toCharArray();
            int k = i * 3;
            c[k] = (char) ('0' + (c[k] - '0' + 1 + i % 9) % 10);
            String qr = new String(c);
            try (RegisteredPage page = page(100 + i, id, qr)) {
                IdRead r = reader.readDetailed(page, PageRef.envelope("mismatch").page(i + 1));
                assertThat(r.printed().check()).as("page %d, digit %d", i, k).isEqualTo(PrintedCheck.OCR);
                assertThat(r.reading().printedCheck()).isEqualTo(PrintedCheck.OCR);
                assertThat(r.reading().reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_MISMATCH);
                assertThat(r.reading().applicationId()).isNotEqualTo(id);
            }
        }
    }
}
