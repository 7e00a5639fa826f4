package org.shinsei.id;

/**
 * What Tesseract read in the printed-digit line.
 *
 * @param digits     the 23 digits, or null when the line did not hold exactly 23 digits
 * @param confidence the weakest digit's confidence, 0..1 (0 when no digits): the minimum, not the mean, because
 *                   one misread digit makes the whole ID wrong and a mean over 23 digits hides it
 * @param grouped    the digits came in the printed groups 4-4-4-4-4-3; a dropped digit in one group and a
 *                   doubled one in another would still count 23, so a wrong grouping is never trusted
 * @param blotted    ink that is not a digit lies on the line ({@link InkBlots}): a blot can turn one digit into
 *                   another that Tesseract still reads confidently
 * @param wholeDigits every digit stands on a whole printed digit ({@link DigitCells}); false when a sticker or
 *                   tape leaves a fragment that Tesseract reads as another digit, or when the line was not read
 * @param timedOut   Tesseract was cancelled at the deadline
 * @param millis     wall time of cropping, binarising and recognition (or comparison)
 * @param check      how the digits were established: matched to the QR code's digit by digit (then
 *                   {@code confidence} is the weakest cell's correlation with its digit) or read by OCR
 */
public record PrintedReading(String digits, double confidence, boolean grouped, boolean blotted,
                             boolean wholeDigits, boolean timedOut, double millis, PrintedCheck check) {

    /** Read by OCR. */
    public PrintedReading(String digits, double confidence, boolean grouped, boolean blotted,
                          boolean wholeDigits, boolean timedOut, double millis) {
        this(digits, confidence, grouped, blotted, wholeDigits, timedOut, millis, PrintedCheck.OCR);
    }

    public boolean read() {
        return digits != null;
    }

    /** Good enough to stand alone as the ID. */
    public boolean confident(double minConfidence) {
        return digits != null && grouped && !blotted && wholeDigits && confidence >= minConfidence;
    }
}
