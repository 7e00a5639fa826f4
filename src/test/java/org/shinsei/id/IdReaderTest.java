package org.shinsei.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.PagePainter;
import org.shinsei.sample.ScanConditions;
import org.shinsei.support.PageRef;

/** The ID stage on generated scans, one situation per test. */
class IdReaderTest {

    static final String ID = "40213597810264358901274";
    static final MmRect QR = GeneratedPages.LAYOUT.qr();
    static final MmRect DIGITS = GeneratedPages.LAYOUT.idDigits();
    static final PageRef REF = PageRef.envelope("env-test.pdf").page(1);

    static IdReader reader;

    @BeforeAll
    static void setUp() {
        reader = new IdReader(IdProperties.defaults(), GeneratedPages.LAYOUT);
    }

    @AfterAll
    static void tearDown() {
        reader.close();
    }

    static ScanConditions hard(int orientation) {
        return ScanConditions.clean(200).withGeometry(orientation, 4.5, -7, 6, -0.02)
                .withQuality(232, 5, 1.0, 32).withColour(false);
    }

    static IdReading read(FormContent content, ScanConditions c, PagePainter damage) {
        try (RegisteredPage page = GeneratedPages.scan(content, c, 7, damage)) {
            return reader.read(page, REF);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void readsBothSourcesOnAPoorScanInEveryOrientation(int orientation) {
        IdReading r = read(FormContent.typical(ID), hard(orientation), Damage.none());

        assertThat(r.applicationId()).isEqualTo(ID);
        assertThat(r.source()).isEqualTo(IdSource.BOTH);
        assertThat(r.printedConfidence()).isGreaterThan(0.9);
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void aQrCodeThatDisagreesWithThePrintLeavesNoId() {
        String other = GeneratedPages.changeDigits(ID, 1, new Random(3));
        IdReading r = read(FormContent.typical(ID).withQrPayload(other), hard(0), Damage.none());

        assertThat(r.applicationId()).isNull();
        assertThat(r.qr()).isEqualTo(other);
        assertThat(r.printed()).isEqualTo(ID);
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_MISMATCH);
    }

    @Test
    void aQrCodeThatIsNotAnIdIsAMismatch() {
        IdReading r = read(FormContent.typical(ID).withQrPayload("https://example.org/x"), hard(0), Damage.none());

        assertThat(r.applicationId()).isNull();
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_MISMATCH);
    }

    @Test
    void aStickerOverTheQrLeavesThePrintedId() {
        IdReading r = read(FormContent.typical(ID), hard(90), Damage.sticker(QR.grow(-2), Damage.STICKER));

        assertThat(r.applicationId()).isEqualTo(ID);
        assertThat(r.source()).isEqualTo(IdSource.PRINTED);
        assertThat(r.qr()).isNull();
    }

    @Test
    void aBlotOnAFinderPatternIsReadFromTheLayoutGrid() {
        // top-left finder pattern of the code: 4 quiet modules in, 7 modules wide, at 24/29 mm per module
        double module = QR.width() / 29;
        PagePainter blot = Damage.blot(QR.x() + 7.5 * module, QR.y() + 7.5 * module, 3.5, Damage.INK, new Random(5));
        try (RegisteredPage page = GeneratedPages.scan(FormContent.typical(ID), hard(180), 7, blot)) {
            IdRead r = reader.readDetailed(page, REF);

            assertThat(r.qr().payload()).isEqualTo(ID);
            assertThat(r.qr().fastPath()).isFalse();
            assertThat(r.reading().source()).isEqualTo(IdSource.BOTH);
        }
    }

    @Test
    void aBlotOnTheDigitsLeavesTheQrId() {
        PagePainter blot = Damage.blot(DIGITS.x() + 30, DIGITS.centreY(), 3, Damage.INK, new Random(2));
        IdReading r = read(FormContent.typical(ID), hard(270), blot);

        assertThat(r.applicationId()).isEqualTo(ID);
        assertThat(r.source()).isEqualTo(IdSource.QR);
    }

    @Test
    void halfADigitUnderAStickerIsNeverTakenForAnotherDigit() {
        // the left half of the 20th digit (character position 23 of the grouped line), with the QR covered too
        double advance = 0.602 * GeneratedPages.LAYOUT.idDigitsSizeMm();
        double x = GeneratedPages.LAYOUT.idDigitsOrigin().x() + 23 * advance;
        PagePainter damage = Damage.both(Damage.sticker(QR, Damage.STICKER),
                Damage.sticker(new MmRect(x - 0.2, DIGITS.y() - 1, advance / 2 + 0.2, DIGITS.height() + 2), Damage.STICKER));
        IdReading r = read(FormContent.typical(ID), hard(0), damage);

        assertThat(r.applicationId()).isNull();
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_UNREADABLE);
    }

    @Test
    void bothSourcesCoveredIsUnreadable() {
        PagePainter both = Damage.both(Damage.sticker(QR, Damage.STICKER),
                Damage.sticker(new MmRect(DIGITS.x() + 40, DIGITS.y() - 1, 20, DIGITS.height() + 2), Damage.STICKER));
        IdReading r = read(FormContent.typical(ID), hard(0), both);

        assertThat(r.applicationId()).isNull();
        assertThat(r.source()).isEqualTo(IdSource.NONE);
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_UNREADABLE);
    }

    @Test
    void eachThreadGetsItsOwnEngine() throws Exception {
        try (IdReader local = new IdReader(IdProperties.defaults(), GeneratedPages.LAYOUT);
             RegisteredPage page = GeneratedPages.scan(FormContent.typical(ID), ScanConditions.clean(300), 1)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> local.read(page, REF));
                var b = pool.submit(() -> local.read(page, REF));
                assertThat(a.get().applicationId()).isEqualTo(ID);
                assertThat(b.get().applicationId()).isEqualTo(ID);
            } finally {
                pool.shutdown();
            }
        }
    }
}
