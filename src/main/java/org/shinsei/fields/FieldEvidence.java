package org.shinsei.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the shape of a field says about its digits, used as evidence and never to repair: a digit read where every
 * other digit would make the field impossible (a phone number that does not start with 0, a 令和 year after the batch
 * date, month 13) cannot be misread into a valid field, so its own doubt does not count against the field. If the
 * field as read is impossible, nothing changes here — the field goes to its own rule (invalid or unreadable); a
 * digit is never replaced by a likelier one.
 */
final class FieldEvidence {

    private FieldEvidence() {
    }

    /**
     * @param digits the readings of the written boxes, in order (all of kind DIGIT)
     * @param valid  whether a string of digits of this length is a possible value of the field
     * @return the same readings, with confidence 1 for every digit that no other digit could replace in a valid field
     *         (when the field as read is valid), else the readings unchanged
     */
    static List<BoxReading> apply(List<BoxReading> digits, Predicate<int[]> valid) {
        int[] read = new int[digits.size()];
        for (int i = 0; i < read.length; i++) {
            read[i] = digits.get(i).digit();
        }
        if (!valid.test(read)) {
            return digits;
        }
        List<BoxReading> out = new ArrayList<>(digits.size());
        for (int i = 0; i < read.length; i++) {
            BoxReading b = digits.get(i);
            out.add(onlyPossible(read, i, valid) ? BoxReading.digit(b.digit(), 1.0) : b);
        }
        return out;
    }

    private static boolean onlyPossible(int[] read, int i, Predicate<int[]> valid) {
        int[] other = read.clone();
        for (int d = 0; d <= 9; d++) {
            if (d != read[i]) {
                other[i] = d;
                if (valid.test(other)) {
                    return false;
                }
            }
        }
        return true;
    }
}
