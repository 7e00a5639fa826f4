package org.shinsei.fields;

import java.util.Locale;

import org.opencv.core.Mat;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * Whether something is written in the 申請者氏名 box. It does not read the name: it measures the ink that belongs
 * to the box (frame removed, noise and specks ignored) and asks for enough of it, spread wide or tall enough, that a
 * dot or a short stray stroke does not pass for a signature. The label 申請者氏名 is printed left of the box, outside
 * the crop. Ink between "clearly nothing" and "clearly written" goes to a person.
 */
final class SignatureDetector {

    /** Coarser than the digits: the question is only whether there is writing. */
    private static final double PX_PER_MM = 5;

    private final FieldsProperties props;

    SignatureDetector(FieldsProperties props) {
        this.props = props;
    }

    /** @return null when a signature is clearly present, else SIGNATURE_MISSING (REJECT, or REVIEW near the limit) */
    Reason check(RegisteredPage page, MmRect box) {
        double px = Math.min(PX_PER_MM, props.pxPerMm());
        Mat ink = InkMap.extract(page, box, props.growMm(), px, props.frameBandMm());
        try (BoxInk found = BoxInk.find(ink, props.growMm(), px, props)) {
            double span = Math.max(found.widthMm(), found.heightMm());
            String detail = String.format(Locale.ROOT, "ink %.1f mm², span %.1f mm", found.inkMm2(), span);
            if (found.inkMm2() >= props.signatureClearInkMm2() && span >= props.signatureClearSpanMm()) {
                return null;
            }
            if (found.inkMm2() < props.signatureMinInkMm2() || span < props.signatureMinSpanMm()) {
                return Reason.of(ReasonCode.SIGNATURE_MISSING, detail);
            }
            return Reason.nearLimit(ReasonCode.SIGNATURE_MISSING, detail);
        } finally {
            ink.release();
        }
    }
}
