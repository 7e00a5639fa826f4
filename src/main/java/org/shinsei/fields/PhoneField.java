package org.shinsei.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

/**
 * The telephone number from its eleven boxes: written from the leftmost box, one digit per box, 10 digits
 * (landline) or 11 (mobile). Nothing written is only a NOTE; anything else that is not a sure 10/11-digit
 * string goes to a person.
 */
final class PhoneField {

    private final DigitConfidence confidence;

    PhoneField(DigitConfidence confidence) {
        this.confidence = confidence;
    }

    FieldOutcome interpret(List<BoxReading> boxes) {
        List<BoxReading> written = new ArrayList<>();
        int lastWritten = -1;
        for (int i = 0; i < boxes.size(); i++) {
            if (!boxes.get(i).empty()) {
                written.add(boxes.get(i));
                lastWritten = i;
            }
        }
        if (written.isEmpty()) {
            return new FieldOutcome(new FieldValue(null, 0), Reason.of(ReasonCode.PHONE_MISSING));
        }
        if (written.stream().anyMatch(b -> b.kind() == BoxReading.Kind.UNCLEAR)) {
            return unreadable(0, "a mark in a phone box is not a digit");
        }
        double p = DigitConfidence.product(written);
        if (lastWritten + 1 != written.size()) {
            return unreadable(p, "a phone box is empty between written digits");
        }
        if (written.size() != 10 && written.size() != 11) {
            return unreadable(p, written.size() + " digits written, a phone number has 10 or 11");
        }
        if (!confidence.sure(written)) {
            return unreadable(p, String.format(Locale.ROOT, "digit confidence %.3f", p));
        }
        StringBuilder digits = new StringBuilder();
        written.forEach(b -> digits.append(b.digit()));
        return new FieldOutcome(new FieldValue(digits.toString(), p), null);
    }

    private static FieldOutcome unreadable(double p, String detail) {
        return new FieldOutcome(new FieldValue(null, p), Reason.of(ReasonCode.PHONE_UNREADABLE, detail));
    }
}
