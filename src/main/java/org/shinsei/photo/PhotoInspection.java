package org.shinsei.photo;

/**
 * Everything the photo stage measured, for the record ({@link #measurement()}) and for tuning and
 * evaluation (the rest). Null parts were not measured.
 *
 * @param measurement  the SPEC §3 record with the reasons
 * @param print        the print as found (null when missing)
 * @param head         the head geometry (null without a face)
 * @param background   background statistics (null without a face)
 * @param headwear     headwear statistics (null without a face or when the check is off)
 * @param quality      sharpness and exposure (null without a print)
 */
public record PhotoInspection(PhotoMeasurement measurement, PrintRegion print, HeadGeometry head,
                              BackgroundCheck.Stats background, HeadwearCheck.Stats headwear,
                              QualityCheck.Stats quality) {
}
