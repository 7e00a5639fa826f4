package org.shinsei.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.opencv.core.Mat;
import org.opencv.ml.SVM;
import org.shinsei.support.OpenCv;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Recognises one hand-written digit with a calibrated confidence: the ink is normalised like the training
 * digits, described by HOG and voted on by the RBF SVM that {@link DigitModelTrainer} trained; the winner's
 * smallest pairwise margin goes through the held-out calibration. Immutable after loading, thread-safe.
 */
public final class DigitClassifier {

    static final String MODEL = "digits-svm.yml.gz";
    static final String CALIBRATION = "digits-calibration.yml";
    private static final String RESOURCES = "/models/";

    /**
     * @param digit      0..9
     * @param confidence calibrated probability that {@code digit} is right
     * @param margin     the raw SVM margin behind it
     */
    public record Guess(int digit, double confidence, double margin) {
    }

    private final DigitSvm svm;
    private final DigitCalibration calibration;
    private final DigitFeatures features = new DigitFeatures();

    DigitClassifier(DigitSvm svm, DigitCalibration calibration) {
        if (!DigitFeatures.VERSION.equals(calibration.features())) {
            throw new IllegalStateException("the digit model was trained with features '" + calibration.features()
                    + "' but this code computes '" + DigitFeatures.VERSION + "': retrain with DigitModelTrainer");
        }
        this.svm = svm;
        this.calibration = calibration;
    }

    /** Loads the committed model from the classpath ({@code /models/}); fails at once if it is missing or stale. */
    public static DigitClassifier fromClasspath() {
        OpenCv.load();
        return new DigitClassifier(loadSvm(), loadCalibration());
    }

    /** @param ink ink bright on black, any size, only this digit's strokes */
    public Guess classify(Mat ink) {
        Mat digit = DigitNormaliser.normalise(ink);
        try {
            return classifyNormalised(digit);
        } finally {
            digit.release();
        }
    }

    Guess classifyNormalised(Mat digit) {
        DigitSvm.DigitScores s = svm.score(features.of(digit));
        return new Guess(s.digit(), calibration.confidence(s.margin()), s.margin());
    }

    private static DigitSvm loadSvm() {
        // OpenCV reads models from files only; the classpath copy goes through a temporary file.
        try (InputStream in = resource(MODEL)) {
            Path tmp = Files.createTempFile("shinsei-digits-", ".yml.gz");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                SVM svm = SVM.load(tmp.toString());
                try {
                    return DigitSvm.of(svm);
                } finally {
                    svm.clear();
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digit model " + RESOURCES + MODEL, e);
        }
    }

    private static DigitCalibration loadCalibration() {
        try (InputStream in = resource(CALIBRATION)) {
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, DigitCalibration.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digit calibration " + RESOURCES + CALIBRATION, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DigitClassifier.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("digit model " + RESOURCES + name + " is not on the classpath: "
                    + "run DigitModelTrainer (see src/main/resources/models/README.md)");
        }
        return in;
    }
}
