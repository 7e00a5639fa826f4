package org.shinsei.fields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * A second reader for the fields the digit network is not sure of: the digits.png reader ({@link ClassicDigitBoxes}),
 * trained on other writers with other models, reads the field's boxes again; the field is auto-accepted when it is
 * sure of its reading by its own floors and reads exactly the value the network read. Two unrelated readers agreeing
 * on every digit of a field they both find valid is what lets a field go through that one of them alone would send
 * to a person (issue 18's evaluation: see README "Hand-written digits"). Thread-safe.
 */
final class SecondOpinion {

    private final DigitBoxes reader;
    private final PhoneField phone;
    private final DateField date;

    SecondOpinion(DigitBoxes reader, FieldsProperties props) {
        this.reader = reader;
        DigitConfidence floors = new DigitConfidence(props.secondOpinionMinDigit(), props.secondOpinionMinField());
        this.phone = new PhoneField(floors);
        this.date = new DateField(floors);
    }

    /** The production second reader, with the committed digits.png models. */
    static SecondOpinion classic(FieldsProperties props) {
        return new SecondOpinion(new ClassicDigitBoxes(DigitClassifier.fromClasspath(), props), props);
    }

    /** @return the second reader's outcome when it is sure of the network's value {@code networkValue}, else null */
    FieldOutcome phone(RegisteredPage page, List<MmRect> boxes, String networkValue) {
        if (networkValue == null) {
            return null;
        }
        return agreeing(phone.interpret(reader.read(page, boxes)), networkValue);
    }

    /** As {@link #phone}, for the date's year, month and day boxes. */
    FieldOutcome date(RegisteredPage page, List<MmRect> year, List<MmRect> month, List<MmRect> day, LocalDate batchDate,
                      String networkValue) {
        if (networkValue == null) {
            return null;
        }
        List<MmRect> all = new ArrayList<>(year);
        all.addAll(month);
        all.addAll(day);
        List<BoxReading> read = reader.read(page, all);
        int y = year.size();
        int m = y + month.size();
        return agreeing(date.interpret(read.subList(0, y), read.subList(y, m), read.subList(m, read.size()), batchDate),
                networkValue);
    }

    private static FieldOutcome agreeing(FieldOutcome second, String networkValue) {
        return second.reason() == null && networkValue.equals(second.value().value()) ? second : null;
    }
}
