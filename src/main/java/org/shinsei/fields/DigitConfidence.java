package org.shinsei.fields;

import java.util.List;

/**
 * When a string of digits is sure enough to go through without a person: every digit reaches the digit floor
 * and their product — the probability that all are right, if their errors are independent — the field floor.
 */
record DigitConfidence(double minDigit, double minField) {

    static DigitConfidence of(FieldsProperties props) {
        return new DigitConfidence(props.minDigitConfidence(), props.minFieldConfidence());
    }

    /** The probability that all these digits are right. */
    static double product(List<BoxReading> digits) {
        double p = 1;
        for (BoxReading b : digits) {
            p *= b.confidence();
        }
        return p;
    }

    boolean sure(List<BoxReading> digits) {
        for (BoxReading b : digits) {
            if (b.confidence() < minDigit) {
                return false;
            }
        }
        return product(digits) >= minField;
    }
}
