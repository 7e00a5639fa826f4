package org.shinsei.sample;

/**
 * How a page was fed through the scanner (SPEC §1 ranges).
 *
 * @param dpi            scan resolution, 200–600
 * @param orientationDeg 0, 90, 180 or 270: how far the page is turned, clockwise as seen in the image
 * @param skewDeg        extra rotation, ±5°, clockwise as seen in the image
 * @param shiftXMm       shift of the page centre from the bed centre, image x, ±10 mm
 * @param shiftYMm       the same, image y
 * @param scale          relative scale error, ±0.03 (the page appears 1 + scale times its true size)
 * @param colour         true = 24-bit colour, false = 8-bit grey
 * @param paperTone      grey level of the paper, e.g. 235–255 (the scanner lid around it is a little lighter)
 * @param noiseSigma     Gaussian sensor noise, grey levels
 * @param blurSigma      Gaussian optical blur, pixels
 * @param jpegQuality    1–100: the image is passed through JPEG at this quality; 0 = lossless
 * @param bedMarginMm    extra capture area around the A4 bed on every side. With 0 (an exact A4 capture, as a
 *                       sheet-fed scanner crops) a skew above ~3° together with a shift or scale error can push a
 *                       fiducial off the image: check {@link SimulatedScan#fiducialsInside}
 */
public record ScanConditions(double dpi, int orientationDeg, double skewDeg, double shiftXMm, double shiftYMm,
                             double scale, boolean colour, int paperTone, double noiseSigma, double blurSigma,
                             int jpegQuality, double bedMarginMm) {

    public ScanConditions {
        if (dpi < 50 || dpi > 1200) {
            throw new IllegalArgumentException("dpi out of range: " + dpi);
        }
        if (orientationDeg % 90 != 0 || orientationDeg < 0 || orientationDeg >= 360) {
            throw new IllegalArgumentException("orientation is 0, 90, 180 or 270, got " + orientationDeg);
        }
        if (paperTone < 0 || paperTone > 255 || noiseSigma < 0 || blurSigma < 0 || jpegQuality < 0 || jpegQuality > 100
                || bedMarginMm < 0) {
            throw new IllegalArgumentException("bad image quality parameters");
        }
    }

    /** A clean, straight 300 dpi colour scan with white paper, slight noise, no JPEG. */
    public static ScanConditions clean(double dpi) {
        return new ScanConditions(dpi, 0, 0, 0, 0, 0, true, 250, 2, 0.5, 0, 0);
    }

    public ScanConditions withDpi(double v) {
        return new ScanConditions(v, orientationDeg, skewDeg, shiftXMm, shiftYMm, scale, colour, paperTone, noiseSigma,
                blurSigma, jpegQuality, bedMarginMm);
    }

    public ScanConditions withGeometry(int orientation, double skew, double shiftX, double shiftY, double scaleError) {
        return new ScanConditions(dpi, orientation, skew, shiftX, shiftY, scaleError, colour, paperTone, noiseSigma,
                blurSigma, jpegQuality, bedMarginMm);
    }

    public ScanConditions withColour(boolean v) {
        return new ScanConditions(dpi, orientationDeg, skewDeg, shiftXMm, shiftYMm, scale, v, paperTone, noiseSigma,
                blurSigma, jpegQuality, bedMarginMm);
    }

    public ScanConditions withQuality(int tone, double noise, double blur, int jpeg) {
        return new ScanConditions(dpi, orientationDeg, skewDeg, shiftXMm, shiftYMm, scale, colour, tone, noise, blur, jpeg,
                bedMarginMm);
    }

    public ScanConditions withBedMargin(double mm) {
        return new ScanConditions(dpi, orientationDeg, skewDeg, shiftXMm, shiftYMm, scale, colour, paperTone, noiseSigma,
                blurSigma, jpegQuality, mm);
    }

    /** Pixels per page millimetre in the scan, scale error included. */
    public double pxPerMm() {
        return dpi / FormRenderer.MM_PER_INCH * (1 + scale);
    }
}
