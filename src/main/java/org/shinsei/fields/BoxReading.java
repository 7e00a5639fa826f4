package org.shinsei.fields;

/**
 * One hand-writing box as read: empty, a digit with its calibrated confidence, ink that is not a digit (a stray mark:
 * written, but not readable), or writing that runs on into the next box and cannot be split into digits.
 */
record BoxReading(Kind kind, int digit, double confidence) {

    enum Kind { EMPTY, DIGIT, UNCLEAR, ENTANGLED }

    static final BoxReading EMPTY = new BoxReading(Kind.EMPTY, -1, 1.0);
    static final BoxReading UNCLEAR = new BoxReading(Kind.UNCLEAR, -1, 0.0);
    static final BoxReading ENTANGLED = new BoxReading(Kind.ENTANGLED, -1, 0.0);

    static BoxReading digit(int digit, double confidence) {
        return new BoxReading(Kind.DIGIT, digit, confidence);
    }

    boolean empty() {
        return kind == Kind.EMPTY;
    }
}
