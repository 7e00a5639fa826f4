package org.shinsei.fields;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * The digit reader the network replaced as the first reader, now the second opinion ({@link SecondOpinion}): the same
 * boxes and strokes ({@link InkMap}, {@link BoxInk}), each digit read by HOG + SVM and a small Java network trained
 * on the 4,000 digits of {@code digits.png} and combined by their vote ({@link DigitClassifier}). It reads each box on
 * its own. Thread-safe (the classifier is immutable).
 */
final class ClassicDigitBoxes implements DigitBoxes {

    private final DigitClassifier classifier;
    private final FieldsProperties props;

    ClassicDigitBoxes(DigitClassifier classifier, FieldsProperties props) {
        this.classifier = classifier;
        this.props = props;
    }

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

}
