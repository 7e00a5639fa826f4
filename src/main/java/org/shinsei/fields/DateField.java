package org.shinsei.fields;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

/**
 * The application date from its six boxes: 令和 year, month and day, two boxes each. A one-digit value may be
 * written with a leading zero or as one digit in either box. 令和 N is 2018 + N, and 令和 began on 2019-05-01.
 * The date must exist and not lie after the batch date. That rule is also evidence ({@link FieldEvidence}): the 0 of
 * 令和 08 is not in doubt while 令和 18 lies in the future.
 */
final class DateField {

    static final LocalDate REIWA_START = LocalDate.of(2019, 5, 1);
    private static final int REIWA_OFFSET = 2018;

    private final DigitConfidence confidence;

    DateField(DigitConfidence confidence) {
        this.confidence = confidence;
    }

    /** A two-box number as read: blank, or its value and the digit readings behind it. */
    private record Part(String name, Integer value, List<BoxReading> digits, boolean unclear) {
        boolean blank() {
            return value == null && !unclear;
        }
    }

    FieldOutcome interpret(List<BoxReading> year, List<BoxReading> month, List<BoxReading> day, LocalDate batchDate) {
        List<Part> parts = List.of(part("year", year), part("month", month), part("day", day));
        if (parts.stream().allMatch(Part::blank)) {
            return new FieldOutcome(new FieldValue(null, 0), Reason.of(ReasonCode.DATE_MISSING));
        }
        if (parts.stream().anyMatch(Part::unclear)) {
            boolean entangled = parts.stream().flatMap(p -> p.digits().stream())
                    .anyMatch(b -> b.kind() == BoxReading.Kind.ENTANGLED);
            return outcome(ReasonCode.DATE_UNREADABLE, 0, entangled
                    ? "the writing runs from one date box into the next: it cannot be split into digits"
                    : "a mark in a date box is not a digit");
        }
        List<BoxReading> read = new ArrayList<>();
        parts.forEach(p -> read.addAll(p.digits()));
        int[] lengths = parts.stream().mapToInt(p -> p.digits().size()).toArray();
        List<BoxReading> digits = FieldEvidence.apply(read, d -> possible(d, lengths, batchDate));
        double p = DigitConfidence.product(digits);
        if (!confidence.sure(digits)) {
            return outcome(ReasonCode.DATE_UNREADABLE, p, String.format(Locale.ROOT, "digit confidence %.3f", p));
        }
        for (Part part : parts) {
            if (part.blank()) {
                return outcome(ReasonCode.DATE_INVALID, p, "the " + part.name() + " is not written");
            }
        }
        return validate(parts.get(0).value(), parts.get(1).value(), parts.get(2).value(), batchDate, p);
    }

    /** Whether these digits, split into year, month and day by {@code lengths}, are a valid application date. */
    static boolean possible(int[] d, int[] lengths, LocalDate batchDate) {
        int[] v = new int[3];
        int i = 0;
        for (int k = 0; k < 3; k++) {
            if (lengths[k] == 0) {
                return false;
            }
            for (int j = 0; j < lengths[k]; j++) {
                v[k] = v[k] * 10 + d[i++];
            }
        }
        if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) {
            return false;
        }
        try {
            LocalDate date = LocalDate.of(REIWA_OFFSET + v[0], v[1], v[2]);
            return !date.isBefore(REIWA_START) && !date.isAfter(batchDate);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static FieldOutcome validate(int reiwaYear, int month, int day, LocalDate batchDate, double p) {
        LocalDate date;
        try {
            date = LocalDate.of(REIWA_OFFSET + reiwaYear, month, day);
        } catch (DateTimeException e) {
            return outcome(ReasonCode.DATE_INVALID, p, "no such date");
        }
        if (reiwaYear < 1 || date.isBefore(REIWA_START)) {
            return outcome(ReasonCode.DATE_INVALID, p, "before the 令和 era");
        }
        if (date.isAfter(batchDate)) {
            return outcome(ReasonCode.DATE_INVALID, p, "after the batch date");
        }
        return new FieldOutcome(new FieldValue(date.toString(), p), null);
    }

    private static Part part(String name, List<BoxReading> boxes) {
        List<BoxReading> digits = boxes.stream().filter(b -> !b.empty()).toList();
        if (digits.isEmpty()) {
            return new Part(name, null, digits, false);
        }
        if (digits.stream().anyMatch(b -> b.kind() != BoxReading.Kind.DIGIT)) {
            return new Part(name, null, digits, true);
        }
        int value = 0;
        for (BoxReading b : digits) {
            value = value * 10 + b.digit();
        }
        return new Part(name, value, digits, false);
    }

    private static FieldOutcome outcome(ReasonCode code, double p, String detail) {
        return new FieldOutcome(new FieldValue(null, p), Reason.of(code, detail));
    }
}
