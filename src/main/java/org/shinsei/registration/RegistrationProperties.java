package org.shinsei.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of page registration (defaults in {@code config/registration.yml}).
 *
 * @param searchDpi             resolution of the reduced grey copy in which the finder marks are searched
 * @param minDpi                a fiducial triangle implying a lower scan resolution is rejected (SPEC: 200–600)
 * @param maxDpi                ... or a higher one
 * @param sideRatioTolerance    allowed relative error of the (TL→BL)/(TL→TR) ratio against 274/187
 * @param angleToleranceDeg     allowed deviation of the TL corner from a right angle
 * @param markSizeTolerance     allowed relative error of a finder's apparent side against 7 mm at the triangle's scale
 * @param fourthMarkToleranceMm the bottom-right square must lie this close to where the three finders predict it
 * @param blankInkContrast      a pixel is ink when it is this many grey levels darker than the paper
 * @param blankMaxInkFraction   a page with at most this fraction of ink pixels is BLANK
 * @param blankMarginMm         border ignored by the ink count (scanner edges, shadows of the sheet's edge)
 */
@ConfigurationProperties("shinsei.registration")
public record RegistrationProperties(double searchDpi, double minDpi, double maxDpi, double sideRatioTolerance,
                                     double angleToleranceDeg, double markSizeTolerance, double fourthMarkToleranceMm,
                                     int blankInkContrast, double blankMaxInkFraction, double blankMarginMm) {

    public RegistrationProperties {
        if (searchDpi < 50 || minDpi <= 0 || maxDpi <= minDpi || sideRatioTolerance <= 0 || angleToleranceDeg <= 0
                || markSizeTolerance <= 0 || fourthMarkToleranceMm <= 0 || blankInkContrast <= 0
                || blankMaxInkFraction < 0 || blankMarginMm < 0) {
            throw new IllegalArgumentException("invalid shinsei.registration settings: " + this);
        }
    }

    /** The values of {@code config/registration.yml}. */
    public static RegistrationProperties defaults() {
        return new RegistrationProperties(100, 150, 800, 0.05, 3.0, 0.35, 1.5, 60, 0.0005, 12);
    }
}
