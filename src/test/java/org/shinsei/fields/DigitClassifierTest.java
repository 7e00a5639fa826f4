package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.ml.SVM;
import org.shinsei.support.OpenCv;

/**
 * The committed model on the 1,000 digits of {@code digits.png} it was never trained on (indices 400–499 of each
 * digit), as written: accuracy, and how often a digit it is sure of is wrong.
 */
class DigitClassifierTest {

    private static DigitClassifier classifier;
    private static DigitSamples sheet;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        classifier = DigitClassifier.fromClasspath();
        sheet = DigitSamples.load(ScannedForms.DIGITS);
    }

    @Test
    void heldOutDigitsAreReadAndSureMeansRight() {
        List<DigitSamples.Sample> held = sheet.range(DigitModelTrainer.TRAIN_END, DigitSamples.PER_DIGIT);
        int right = 0;
        int sure = 0;
        int sureWrong = 0;
        for (DigitSamples.Sample s : held) {
            DigitClassifier.Guess g = classifier.classify(s.cell());
            right += g.digit() == s.digit() ? 1 : 0;
            if (g.confidence() >= 0.99) {
                sure++;
                sureWrong += g.digit() == s.digit() ? 0 : 1;
            }
        }
        double accuracy = right / (double) held.size();
        double sureError = sureWrong / (double) sure;
        System.out.printf(Locale.ROOT, "digits.png held-out: accuracy %.2f%%; confidence >= 0.99 on %.1f%%, wrong %d/%d%n",
                100 * accuracy, 100.0 * sure / held.size(), sureWrong, sure);
        assertTrue(accuracy >= 0.975, "accuracy " + accuracy);
        assertTrue(sure >= 0.7 * held.size(), "sure on " + sure);
        assertTrue(sureError <= 0.005, "error among sure digits " + sureError);
    }

    @Test
    void javaEvaluationVotesLikeOpenCv() throws Exception {
        Path tmp = Files.createTempFile("digits-", ".yml.gz");
        try (InputStream in = DigitClassifier.class.getResourceAsStream("/models/" + DigitClassifier.MODEL)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        SVM svm = SVM.load(tmp.toString());
        Files.delete(tmp);
        DigitSvm java = DigitSvm.of(svm);
        DigitFeatures features = new DigitFeatures();
        Mat row = new Mat(1, features.length(), CvType.CV_32F);
        for (DigitSamples.Sample s : sheet.range(450, 470)) {
            Mat digit = DigitNormaliser.normalise(s.cell());
            float[] f = features.of(digit);
            digit.release();
            row.put(0, 0, f);
            assertEquals((int) svm.predict(row), java.score(f).digit(), "sample " + s.globalIndex());
        }
        row.release();
        svm.clear();
    }

    @Test
    void normalisedDigitIsCentredAndFull() {
        Mat digit = DigitNormaliser.normalise(sheet.cell(3, 420));
        assertEquals(DigitNormaliser.SIZE, digit.rows());
        assertEquals(255, Core.minMaxLoc(digit).maxVal);
        org.opencv.imgproc.Moments m = org.opencv.imgproc.Imgproc.moments(digit);
        assertEquals(DigitNormaliser.SIZE / 2.0, m.m10 / m.m00, 1.0);
        assertEquals(DigitNormaliser.SIZE / 2.0, m.m01 / m.m00, 1.0);
        digit.release();
        Mat nothing = DigitNormaliser.normalise(Mat.zeros(30, 30, CvType.CV_8UC1));
        assertEquals(0, Core.countNonZero(nothing));
        nothing.release();
    }
}
