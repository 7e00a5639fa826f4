package org.shinsei.id;

import static org.assertj.core.api.Assertions.assertThat;

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
    static final int PAGES = Integer.getInteger("id.match.pages", 40);
    static PrintedIdVerifier verifier;
    static IdReader reader;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        verifier = new PrintedIdVerifier(DigitTemplates.load(), PROPS.matchMinScore(), PROPS.matchMinLead());
        reader = new IdReader(PROPS, GeneratedPages.LAYOUT);
    }

    @AfterAll
    static void tearDown() {
        reader.close();
    }

    /** Even i: 200 dpi JPEG 30–40 skewed ±5° in four orientations (the evaluation's kind); odd: 300 dpi, JPEG 60–90. */
    static ScanConditions conditions(int i, Random rnd) {
        if (i % 2 == 0) {
            return ScanConditions.clean(200)
                    .withGeometry((i / 2 % 4) * 90, rnd.nextDouble() * 10 - 5, rnd.nextDouble() * 20 - 10,
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
        for (int i = 0; i < PAGES; i++) {
            String id = id(i);
            try (RegisteredPage page = page(i, id, id)) {
                Mat crop = page.cropGrey(GeneratedPages.LAYOUT.idDigits().grow(PROPS.digitsMarginMm()), PROPS.digitsPxPerMm());
                Mat ink = PrintedIdReader.ink(crop);
                try {
                    for (int k = 0; k < 23; k++) {
                        for (int d = 1; d <= 9; d++) {
                            char[] other = id.toCharArray();
                            other[k] = (char) ('0' + (other[k] - '0' + d) % 10);
                            PrintedIdVerifier.Verdict v = verifier.verify(crop, ink, new String(other), PITCH);
                            checked++;
                            if (v.confirmed()) {
                                confirmed++;
                            }
                            closest = Math.max(closest, v.weakestMargin());
                        }
                    }
                } finally {
                    ink.release();
                    crop.release();
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
        for (int i = 0; i < PAGES; i++) {
            String id = id(i);
            try (RegisteredPage page = page(i, id, id)) {
                IdRead r = reader.readDetailed(page, PageRef.envelope("match").page(i + 1));
                assertThat(r.reading().applicationId()).isEqualTo(id);
                assertThat(r.reading().source()).isEqualTo(IdSource.BOTH);
                if (r.printed().check() == PrintedCheck.MATCHED_QR) {
                    confirmed++;
                    assertThat(r.reading().printedCheck()).isEqualTo(PrintedCheck.MATCHED_QR);
                    assertThat(r.printed().digits()).isEqualTo(id);
                }
                Mat crop = page.cropGrey(GeneratedPages.LAYOUT.idDigits().grow(PROPS.digitsMarginMm()), PROPS.digitsPxPerMm());
                Mat ink = PrintedIdReader.ink(crop);
                PrintedIdVerifier.Verdict v = verifier.verify(crop, ink, id, PITCH);
                if (v.confirmed()) {
                    weakestLead = Math.min(weakestLead, v.weakestMargin());
                }
                ink.release();
                crop.release();
            }
        }
        System.out.printf("fast path: %d of %d clean pages confirmed without OCR; weakest lead of a confirmed page %.3f%n",
                confirmed, PAGES, weakestLead);
        assertThat(confirmed).isGreaterThanOrEqualTo(PAGES * 9 / 10);
    }

    /**
     * Pages whose printed ID differs from the QR's in one digit, at positions spread over the line, go through the
     * whole stage: the fast path leaves each to OCR, which reads the print, and the mismatch is reported.
     */
    @Test
    void aOneDigitMismatchGoesToOcrAndIsReported() {
        for (int i = 0; i < 12; i++) {
            String id = id(100 + i);
            char[] c = id.toCharArray();
            int k = i * 2;
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
