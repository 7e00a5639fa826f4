package org.shinsei.fields;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * Whether a 5 × 5 mm checkbox is marked: the share of its inside (the frame and a margin for registration left
 * out) covered by ink. A tick, a cross, a fill or a scribble covers a good part of it; an empty box nearly none;
 * a faint dot or a tiny stroke lands between the two thresholds and is left to a person.
 */
final class CheckboxReader {

    /** The frame line and what registration may shift it by stay out of the measured inside. */
    private static final double INSET_MM = 0.6;
    /** A faint trace of ink still counts when deciding whether the box is untouched. */
    private static final double FAINT_SHARE_OF_THRESHOLD = 0.5;

    /** @param marked true, false, or null when ambiguous; {@code inkShare} of the inside covered */
    record Check(Boolean marked, double inkShare) {
    }

    private final FieldsProperties props;

    CheckboxReader(FieldsProperties props) {
        this.props = props;
    }

    Check read(RegisteredPage page, MmRect box) {
        double px = props.pxPerMm();
        Mat ink = InkMap.extract(page, box, props.growMm(), px, props.frameBandMm());
        try {
            // smoothing first, so that single noisy pixels do not count while a faint dot still does
            Imgproc.GaussianBlur(ink, ink, new Size(3, 3), 0);
            int inset = (int) Math.round((props.growMm() + INSET_MM) * px);
            Mat inside = ink.submat(inset, ink.rows() - inset, inset, ink.cols() - inset);
            Mat marked = new Mat();
            Imgproc.threshold(inside, marked, FAINT_SHARE_OF_THRESHOLD * props.inkThreshold(), 255,
                    Imgproc.THRESH_BINARY);
            double share = Core.countNonZero(marked) / (double) marked.total();
            marked.release();
            inside.release();
            if (share < props.checkboxEmptyBelow()) {
                return new Check(false, share);
            }
            return new Check(share > props.checkboxMarkedAbove() ? Boolean.TRUE : null, share);
        } finally {
            ink.release();
        }
    }
}
