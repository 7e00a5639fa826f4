package org.shinsei.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

class IdCrossCheckTest {

    static final String ID = "12345678901234567890123";
    static final String OTHER = "12345678901234567890124";
    static final double MIN = 0.8;

    static QrResult qr(String payload) {
        return new QrResult(payload, payload == null ? null : "fast", null, 1, 1);
    }

    static PrintedReading printed(String digits, double conf) {
        return new PrintedReading(digits, conf, digits != null, false, digits != null, false, 1);
    }

    @Test
    void agreementGivesBoth() {
        IdReading r = IdCrossCheck.decide(qr(ID), printed(ID, 0.3), MIN);
        assertThat(r.applicationId()).isEqualTo(ID);
        assertThat(r.source()).isEqualTo(IdSource.BOTH);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.printedCheck()).isEqualTo(PrintedCheck.OCR);
    }

    @Test
    void aPrintMatchedToTheQrSaysSo() {
        PrintedReading matched = new PrintedReading(ID, 0.95, true, false, true, false, 1, PrintedCheck.MATCHED_QR);
        IdReading r = IdCrossCheck.decide(qr(ID), matched, MIN);
        assertThat(r.applicationId()).isEqualTo(ID);
        assertThat(r.source()).isEqualTo(IdSource.BOTH);
        assertThat(r.printedCheck()).isEqualTo(PrintedCheck.MATCHED_QR);
    }

    @Test
    void qrAloneIsTrusted() {
        IdReading r = IdCrossCheck.decide(qr(ID), printed(null, 0), MIN);
        assertThat(r.applicationId()).isEqualTo(ID);
        assertThat(r.source()).isEqualTo(IdSource.QR);
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void printAloneOnlyWhenConfidentGroupedAndUnblotted() {
        IdReading confident = IdCrossCheck.decide(qr(null), printed(ID, 0.95), MIN);
        assertThat(confident.applicationId()).isEqualTo(ID);
        assertThat(confident.source()).isEqualTo(IdSource.PRINTED);

        for (PrintedReading weak : new PrintedReading[] {printed(ID, 0.79),
                new PrintedReading(ID, 0.99, false, false, true, false, 1),
                new PrintedReading(ID, 0.99, true, true, true, false, 1),
                new PrintedReading(ID, 0.99, true, false, false, false, 1)}) {
            IdReading r = IdCrossCheck.decide(qr(null), weak, MIN);
            assertThat(r.applicationId()).isNull();
            assertThat(r.source()).isEqualTo(IdSource.NONE);
            assertThat(r.printed()).isEqualTo(ID);
            assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_UNREADABLE);
        }
    }

    @Test
    void aConfidentDisagreementLeavesNoId() {
        IdReading r = IdCrossCheck.decide(qr(ID), printed(OTHER, 0.99), MIN);
        assertThat(r.applicationId()).isNull();
        assertThat(r.source()).isEqualTo(IdSource.NONE);
        assertThat(r.qr()).isEqualTo(ID);
        assertThat(r.printed()).isEqualTo(OTHER);
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_MISMATCH);
        assertThat(r.reasons().get(0).detail()).contains("1 position").doesNotContain(ID).doesNotContain(OTHER);
    }

    @Test
    void anUnconfidentDisagreementKeepsTheQrButStillGoesToAPerson() {
        IdReading r = IdCrossCheck.decide(qr(ID), printed(OTHER, 0.5), MIN);
        assertThat(r.applicationId()).isEqualTo(ID);
        assertThat(r.source()).isEqualTo(IdSource.QR);
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_MISMATCH);
    }

    @Test
    void aQrThatIsNotAnIdBesideAPrintedIdIsAMismatch() {
        QrResult notAnId = new QrResult(null, null, "QR payload is not 23 digits (5 characters)", 1, 1);
        IdReading r = IdCrossCheck.decide(notAnId, printed(ID, 0.99), MIN);
        assertThat(r.applicationId()).isNull();
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_MISMATCH);

        IdReading alone = IdCrossCheck.decide(notAnId, printed(null, 0), MIN);
        assertThat(alone.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_UNREADABLE);
    }

    @Test
    void nothingReadIsUnreadable() {
        IdReading r = IdCrossCheck.decide(qr(null), printed(null, 0), MIN);
        assertThat(r.applicationId()).isNull();
        assertThat(r.source()).isEqualTo(IdSource.NONE);
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.ID_UNREADABLE);
    }
}
