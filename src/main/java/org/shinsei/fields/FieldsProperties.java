package org.shinsei.fields;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hand-written fields stage ({@code shinsei.fields.*}, defaults in {@code config/fields.yml}).
 *
 * @param pxPerMm              resolution of the box crops (10 px/mm ≈ 254 dpi: a digit is ~60 px tall)
 * @param growMm               margin around a box in its crop, so that ink over the frame is seen whole
 * @param frameBandMm          how far from its nominal position a printed frame line may lie (registration error)
 * @param inkThreshold         ink strength 0–255 above paper that counts as a stroke pixel
 * @param speckMm2             connected ink smaller than this is scanner noise
 * @param digitMinExtentMm     ink in a box smaller than this (height and width) is a stray mark, not a digit
 * @param minDigitConfidence   every digit of an auto-accepted field reaches this calibrated probability (0: none asked,
 *                             the field's joint probability decides alone)
 * @param minFieldConfidence   the joint probability of a field's digits (the product of their calibrated
 *                             probabilities) reaches this to be auto-accepted; the committed network's value is
 *                             chosen on its calibration split ({@code fieldThreshold} in models/digits-net.yml)
 * @param secondOpinionMinDigit a field the network is not sure of is still auto-accepted when the digits.png reader
 *                             ({@link SecondOpinion}) reads every digit at least this sure …
 * @param secondOpinionMinField … with a product at least this, and both read the same value (0 and 0: no second
 *                             opinion)
 * @param signatureMinInkMm2   less ink than this in the 申請者氏名 box, or …
 * @param signatureMinSpanMm   … spread over less than this width or height, is no signature (a dot, a short stroke)
 * @param signatureClearInkMm2 at least this much ink …
 * @param signatureClearSpanMm … over at least this span is clearly a signature; in between a person looks
 *                             (SIGNATURE_MISSING as REVIEW)
 * @param checkboxEmptyBelow   ink share of a checkbox's inside below which it is empty
 * @param checkboxMarkedAbove  ink share above which it is marked; in between is CHECKBOX_AMBIGUOUS
 */
@ConfigurationProperties("shinsei.fields")
public record FieldsProperties(
        double pxPerMm,
        double growMm,
        double frameBandMm,
        int inkThreshold,
        double speckMm2,
        double digitMinExtentMm,
        double minDigitConfidence,
        double minFieldConfidence,
        double secondOpinionMinDigit,
        double secondOpinionMinField,
        double signatureMinInkMm2,
        double signatureMinSpanMm,
        double signatureClearInkMm2,
        double signatureClearSpanMm,
        double checkboxEmptyBelow,
        double checkboxMarkedAbove) {

    public FieldsProperties {
        if (pxPerMm < 4 || pxPerMm > 24) {
            throw new IllegalArgumentException("shinsei.fields.px-per-mm must be 4..24, got " + pxPerMm);
        }
        if (signatureClearInkMm2 < signatureMinInkMm2 || signatureClearSpanMm < signatureMinSpanMm) {
            throw new IllegalArgumentException("shinsei.fields.signature-clear-* must not be below signature-min-*");
        }
        if (!(checkboxEmptyBelow < checkboxMarkedAbove)) {
            throw new IllegalArgumentException("shinsei.fields.checkbox-empty-below must be below checkbox-marked-above");
        }
        if (minDigitConfidence > 1 || minFieldConfidence > 1 || secondOpinionMinDigit > 1 || secondOpinionMinField > 1) {
            throw new IllegalArgumentException("confidences are at most 1");
        }
    }

    /** The committed network's field floor (models/digits-net.yml {@code fieldThreshold}). */
    static final double FIELD_THRESHOLD = 0.998977;

    /** The values of {@code config/fields.yml}, for tests and tools that run without Spring. */
    public static FieldsProperties defaults() {
        return new FieldsProperties(10, 1.0, 1.0, 80, 0.1, 2.0, 0.0, FIELD_THRESHOLD, 0.98, 0.95, 3.0, 5.0, 6.0, 7.0,
                0.002, 0.06);
    }

    /** A second opinion is asked for. */
    boolean secondOpinion() {
        return secondOpinionMinDigit > 0 || secondOpinionMinField > 0;
    }

    /** These settings with other floors for the first reader's digits and fields (tools and evaluations). */
    public FieldsProperties withFloors(double minDigit, double minField) {
        return new FieldsProperties(pxPerMm, growMm, frameBandMm, inkThreshold, speckMm2, digitMinExtentMm, minDigit,
                minField, secondOpinionMinDigit, secondOpinionMinField, signatureMinInkMm2, signatureMinSpanMm,
                signatureClearInkMm2, signatureClearSpanMm, checkboxEmptyBelow, checkboxMarkedAbove);
    }

    /** These settings without the second opinion (the network alone). */
    public FieldsProperties withoutSecondOpinion() {
        return new FieldsProperties(pxPerMm, growMm, frameBandMm, inkThreshold, speckMm2, digitMinExtentMm,
                minDigitConfidence, minFieldConfidence, 0, 0, signatureMinInkMm2, signatureMinSpanMm,
                signatureClearInkMm2, signatureClearSpanMm, checkboxEmptyBelow, checkboxMarkedAbove);
    }
}
