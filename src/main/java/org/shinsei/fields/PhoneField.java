package org.shinsei.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

/**
 * The telephone number from its eleven boxes: written from the leftmost box, one digit per box, 10 digits
 * (landline) or 11 (mobile), in the pattern of the Japanese numbering plan. Nothing written is only a NOTE;
 * anything else that is not a sure 10/11-digit number goes to a person. The pattern is also evidence
 * ({@link FieldEvidence}): a 0 read where only 0 is possible is not in doubt.
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
        if (written.stream().anyMatch(b -> b.kind() == BoxReading.Kind.ENTANGLED)) {
            return unreadable(0, "the writing runs from one phone box into the next: it cannot be split into digits");
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
        int[] read = written.stream().mapToInt(BoxReading::digit).toArray();
        if (!possible(read)) {
            return unreadable(p, "not the pattern of a Japanese phone number");
        }
        written = FieldEvidence.apply(written, PhoneField::possible);
        p = DigitConfidence.product(written);
        if (!confidence.sure(written)) {
            return unreadable(p, String.format(Locale.ROOT, "digit confidence %.3f", p));
        }
        StringBuilder digits = new StringBuilder();
        written.forEach(b -> digits.append(b.digit()));
        return new FieldOutcome(new FieldValue(digits.toString(), p), null);
    }

    /**
     * The numbering plan: 11 digits are 0A0 + 8 (A = 2, 5, 6, 7, 8, 9: M2M, IP, FMC, mobile), 10 digits are 0 + an area
     * code that never starts with 0 + subscriber.
     */
    static boolean possible(int[] d) {
        if (d.length == 11) {
            return d[0] == 0 && d[2] == 0 && (d[1] == 2 || d[1] >= 5);
        }
        return d.length == 10 && d[0] == 0 && d[1] != 0;
    }

    private static FieldOutcome unreadable(double p, String detail) {
        return new FieldOutcome(new FieldValue(null, p), Reason.of(ReasonCode.PHONE_UNREADABLE, detail));
    }
}
