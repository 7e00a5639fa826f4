package org.shinsei.fields;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How MNIST's 60,000 training digits are split for the digit network (training/digits/README.md): the network is
 * trained on the first 45,000, its calibration is fitted on the next 5,000, which training never sees, and the last
 * 10,000 are the test split that neither training nor calibration sees. The evaluations write only test digits.
 */
final class DigitSplits {

    static final int CALIBRATION_START = 45_000;
    static final int TEST_START = 50_000;
    static final int END = 60_000;

    private DigitSplits() {
    }

    /** [from, to) of a split by name: train, calibration, test. */
    static int[] range(String split) {
        return switch (split) {
            case "train" -> new int[] {0, CALIBRATION_START};
            case "calibration" -> new int[] {CALIBRATION_START, TEST_START};
            case "test" -> new int[] {TEST_START, END};
            default -> throw new IllegalArgumentException("split is train, calibration, test or raw, got " + split);
        };
    }

    static List<Integer> test() {
        return IntStream.range(TEST_START, END).boxed().toList();
    }
}
