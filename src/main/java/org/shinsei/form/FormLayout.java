package org.shinsei.form;

import java.util.List;
import java.util.Map;

/**
 * The geometry of the 交付申請書 as {@code layout.yml} describes it, in millimetres.
 * Only what the pipeline and the generator need; {@link LayoutLoader} reads it from the YAML so that
 * the contract file stays the single source of truth.
 */
public record FormLayout(
        int version,
        double pageWidth,
        double pageHeight,
        Fiducials fiducials,
        MmRect idDigits,
        MmPoint idDigitsOrigin,
        double idDigitsSizeMm,
        MmRect qr,
        Map<String, MmRect> preprinted,
        MmRect photoBox,
        List<MmRect> phoneBoxes,
        List<MmRect> yearBoxes,
        List<MmRect> monthBoxes,
        List<MmRect> dayBoxes,
        MmRect signature,
        Map<String, MmRect> checkboxes,
        MmRect notes,
        double lineWidthMm,
        int[] dropoutGreenRgb) {

    /** Registration marks: three finders and the plain bottom-right square. */
    public record Fiducials(MmRect topLeft, MmRect topRight, MmRect bottomLeft, MmRect bottomRight) {

        public MmPoint topLeftCentre() {
            return new MmPoint(topLeft.centreX(), topLeft.centreY());
        }

        public MmPoint topRightCentre() {
            return new MmPoint(topRight.centreX(), topRight.centreY());
        }

        public MmPoint bottomLeftCentre() {
            return new MmPoint(bottomLeft.centreX(), bottomLeft.centreY());
        }

        public MmPoint bottomRightCentre() {
            return new MmPoint(bottomRight.centreX(), bottomRight.centreY());
        }

        /** Centre-to-centre TL→TR, 187 mm on the printed form. */
        public double horizontalSpan() {
            return topRight.centreX() - topLeft.centreX();
        }

        /** Centre-to-centre TL→BL, 274 mm on the printed form. */
        public double verticalSpan() {
            return bottomLeft.centreY() - topLeft.centreY();
        }
    }
}
