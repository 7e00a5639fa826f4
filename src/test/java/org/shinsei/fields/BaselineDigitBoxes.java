package org.shinsei.fields;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * The reader the digit network replaced, kept in the tests only as the evaluations' baseline: the same boxes and
 * strokes ({@link InkMap}, {@link BoxInk}), each digit read by HOG + SVM and a small Java network trained on the
 * 4,000 digits of {@code digits.png} and combined by their vote ({@link DigitClassifier}). It was auto-accepted with
 * every digit ≥ 0.98 and their product ≥ 0.95 ({@link #PROPERTIES}). It reads each box on its own, as it did.
 */
final class BaselineDigitBoxes implements DigitBoxes {

    /** The baseline's floors as they were committed: every digit ≥ 0.98, the product ≥ 0.95. */
    static final FieldsProperties PROPERTIES = withFloors(FieldsProperties.defaults(), 0.98, 0.95);

    private final DigitClassifier classifier = DigitClassifier.fromClasspath();
    private final FieldsProperties props = PROPERTIES;

    @Override
    public List<BoxReading> read(RegisteredPage page, List<MmRect> boxes) {
        List<BoxReading> out = new ArrayList<>(boxes.size());
        for (MmRect box : boxes) {
            Mat ink = InkMap.extract(page, box, props.growMm(), props.pxPerMm(), props.frameBandMm());
            try (BoxInk found = BoxInk.find(ink, props.growMm(), props.pxPerMm(), props)) {
                out.add(switch (found.kind()) {
                    case EMPTY -> BoxReading.EMPTY;
                    case MARK -> BoxReading.UNCLEAR;
                    case DIGIT -> {
                        DigitClassifier.Guess g = classifier.classify(found.ink());
                        yield BoxReading.digit(g.digit(), g.confidence());
                    }
                });
            } finally {
                ink.release();
            }
        }
        return out;
    }

    static FieldsProperties withFloors(FieldsProperties p, double minDigit, double minField) {
        return new FieldsProperties(p.pxPerMm(), p.growMm(), p.frameBandMm(), p.inkThreshold(), p.speckMm2(),
                p.digitMinExtentMm(), minDigit, minField, p.signatureMinInkMm2(), p.signatureMinSpanMm(),
                p.signatureClearInkMm2(), p.signatureClearSpanMm(), p.checkboxEmptyBelow(), p.checkboxMarkedAbove());
    }
}
