package org.shinsei.fields;

import org.opencv.core.Mat;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/** Reads one 7 × 9 mm digit box: crop, frame out, the box's own strokes, then the classifier. */
final class DigitBoxReader {

    private final DigitClassifier classifier;
    private final FieldsProperties props;

    DigitBoxReader(DigitClassifier classifier, FieldsProperties props) {
        this.classifier = classifier;
        this.props = props;
    }

    BoxReading read(RegisteredPage page, MmRect box) {
        Mat ink = InkMap.extract(page, box, props.growMm(), props.pxPerMm(), props.frameBandMm());
        try (BoxInk found = BoxInk.find(ink, props.growMm(), props.pxPerMm(), props)) {
            return switch (found.kind()) {
                case EMPTY -> BoxReading.EMPTY;
                case MARK -> BoxReading.UNCLEAR;
                case DIGIT -> {
                    DigitClassifier.Guess g = classifier.classify(found.ink());
                    yield BoxReading.digit(g.digit(), g.confidence());
                }
            };
        } finally {
            ink.release();
        }
    }
}
