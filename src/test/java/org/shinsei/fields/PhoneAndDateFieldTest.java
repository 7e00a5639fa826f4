package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;

/** The rules that turn box readings into a phone number or a date, on readings given directly. */
class PhoneAndDateFieldTest {

    private static final LocalDate BATCH = LocalDate.of(2026, 11, 27);
    private static final DigitConfidence FLOORS = new DigitConfidence(0.99, 0.98);
    private final PhoneField phone = new PhoneField(FLOORS);
    private final DateField date = new DateField(FLOORS);

    private static List<BoxReading> boxes(String written, int count) {
        List<BoxReading> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            char c = i < written.length() ? written.charAt(i) : ' ';
            out.add(c == ' ' ? BoxReading.EMPTY : c == '?' ? BoxReading.UNCLEAR : BoxReading.digit(c - '0', 0.9995));
        }
        return out;
    }

    private static List<BoxReading> two(String written) {
        return boxes(written, 2);
    }

    @Test
    void emptyPhoneIsMissingAsANote() {
        FieldOutcome o = phone.interpret(boxes("", 11));
        assertNull(o.value().value());
        assertEquals(ReasonCode.PHONE_MISSING, o.reason().code());
        assertEquals(Severity.NOTE, o.reason().severity());
    }

    @Test
    void tenAndElevenDigitsAreRead() {
        assertEquals("09012345678", phone.interpret(boxes("09012345678", 11)).value().value());
        assertEquals("0312345678", phone.interpret(boxes("0312345678", 11)).value().value());
        assertNull(phone.interpret(boxes("0312345678", 11)).reason());
    }

    @Test
    void wrongCountGapStrayMarkOrDoubtAreUnreadable() {
        for (String w : new String[] {"031234567", "0 012345678", "0901234567?", "?"}) {
            FieldOutcome o = phone.interpret(boxes(w, 11));
            assertNull(o.value().value(), w);
            assertEquals(ReasonCode.PHONE_UNREADABLE, o.reason().code(), w);
        }
        List<BoxReading> unsure = boxes("09012345678", 11);
        unsure.set(3, BoxReading.digit(1, 0.95));
        assertEquals(ReasonCode.PHONE_UNREADABLE, phone.interpret(unsure).reason().code());
    }

    @Test
    void dateInEveryWayOfWritingOneDigitValues() {
        assertEquals("2026-11-05", date.interpret(two("08"), two("11"), two("05"), BATCH).value().value());
        assertEquals("2026-01-05", date.interpret(two("8 "), two(" 1"), two("5 "), BATCH).value().value());
        assertEquals("2019-05-01", date.interpret(two(" 1"), two("5"), two("1"), BATCH).value().value());
    }

    @Test
    void februaryThirtiethIsInvalid() {
        FieldOutcome o = date.interpret(two("07"), two("02"), two("30"), BATCH);
        assertNull(o.value().value());
        assertEquals(ReasonCode.DATE_INVALID, o.reason().code());
        assertEquals(Severity.REVIEW, o.reason().severity());
    }

    @Test
    void aDateAfterTheBatchIsInvalid() {
        assertEquals(ReasonCode.DATE_INVALID, date.interpret(two("08"), two("11"), two("28"), BATCH).reason().code());
        assertNull(date.interpret(two("08"), two("11"), two("27"), BATCH).reason());
    }

    @Test
    void beforeReiwaOrAMissingPartIsInvalid() {
        assertEquals(ReasonCode.DATE_INVALID, date.interpret(two("01"), two("04"), two("30"), BATCH).reason().code());
        assertEquals(ReasonCode.DATE_INVALID, date.interpret(two("00"), two("06"), two("01"), BATCH).reason().code());
        assertEquals(ReasonCode.DATE_INVALID, date.interpret(two("08"), two("11"), two(""), BATCH).reason().code());
    }

    @Test
    void nothingWrittenIsMissingAndDoubtIsUnreadable() {
        assertEquals(ReasonCode.DATE_MISSING, date.interpret(two(""), two(""), two(""), BATCH).reason().code());
        assertEquals(ReasonCode.DATE_UNREADABLE, date.interpret(two("08"), two("1?"), two("05"), BATCH).reason().code());
        List<BoxReading> unsureDay = two("05");
        unsureDay.set(1, BoxReading.digit(5, 0.9));
        FieldOutcome o = date.interpret(two("08"), two("11"), unsureDay, BATCH);
        assertEquals(ReasonCode.DATE_UNREADABLE, o.reason().code());
        assertNull(o.value().value());
    }

    @Test
    void aNumberOutsideTheNumberingPlanIsUnreadable() {
        for (String w : new String[] {"19012345678", "09112345678", "00012345678", "0012345678", "04012345678"}) {
            FieldOutcome o = phone.interpret(boxes(w, 11));
            assertNull(o.value().value(), w);
            assertEquals(ReasonCode.PHONE_UNREADABLE, o.reason().code(), w);
        }
    }

    /** Doubt about a digit that no other digit could replace in a valid field does not hold the field back. */
    @Test
    void theFieldsRulesAreEvidenceNeverARepair() {
        List<BoxReading> firstUnsure = boxes("09012345678", 11);
        firstUnsure.set(0, BoxReading.digit(0, 0.9));
        firstUnsure.set(2, BoxReading.digit(0, 0.9));
        assertEquals("09012345678", phone.interpret(firstUnsure).value().value());
        List<BoxReading> secondUnsure = boxes("09012345678", 11);
        secondUnsure.set(1, BoxReading.digit(9, 0.9)); // 080, 070 are as possible
        assertEquals(ReasonCode.PHONE_UNREADABLE, phone.interpret(secondUnsure).reason().code());

        List<BoxReading> year = two("08");
        year.set(0, BoxReading.digit(0, 0.9)); // 令和18 is after the batch date
        assertEquals("2026-11-05", date.interpret(year, two("11"), two("05"), BATCH).value().value());
        List<BoxReading> month = two("11");
        month.set(1, BoxReading.digit(1, 0.9)); // 10 and 12 are months too
        assertEquals(ReasonCode.DATE_UNREADABLE, date.interpret(two("08"), month, two("05"), BATCH).reason().code());
        // an impossible reading is never made possible: 02/30 stays invalid however unsure its digits
        List<BoxReading> day = two("30");
        day.set(0, BoxReading.digit(3, 0.999));
        assertEquals(ReasonCode.DATE_INVALID, date.interpret(two("07"), two("02"), day, BATCH).reason().code());
    }
}
