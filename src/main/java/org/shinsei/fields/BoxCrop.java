package org.shinsei.fields;

/**
 * What one hand-writing box holds before any digit is recognised: nothing, a stray mark too small to be a digit,
 * or a digit's strokes, brought to the network's input form ({@link DigitImage}).
 *
 * @param kind         what was found
 * @param digit        the normalised digit ({@value DigitImage#SIZE}² bytes) when {@code kind} is DIGIT, else null
 * @param reachesLeft  its strokes cross the gap to the frame of the box on its left ({@link BoxInk})
 * @param reachesRight the same on the right
 */
record BoxCrop(BoxInk.Kind kind, byte[] digit, boolean reachesLeft, boolean reachesRight) {

    static final BoxCrop EMPTY = new BoxCrop(BoxInk.Kind.EMPTY, null, false, false);
    static final BoxCrop MARK = new BoxCrop(BoxInk.Kind.MARK, null, false, false);
}
