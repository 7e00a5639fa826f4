package org.shinsei.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.ml.SVM;
import org.shinsei.support.OpenCv;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Recognises one hand-written digit with a calibrated confidence: the ink is normalised like the training
 * digits, then read twice — by HOG and the RBF SVM, and by a few small networks on the pixels (their mean), both trained by
 * {@code DigitModelTrainer} (retired with issue 18; see models/README.md) — and the two opinions are combined by
 * {@link DigitVote} into one digit and the
 * probability, measured on digits the models never saw, that it is right. Immutable after loading, thread-safe.
 */
public final class DigitClassifier {

    static final String MODEL = "digits-svm.yml.gz";
    static final String CNN_MODEL = "digits-cnn.bin.gz";
    static final String CALIBRATION = "digits-calibration.yml";
    private static final String RESOURCES = "/models/";

    /**
     * @param digit      0..9
     * @param confidence calibrated probability that {@code digit} is right
     * @param score      the vote's score behind it (see {@link DigitVote})
     * @param agree        whether the SVM and the network read the same digit
     */
    public record Guess(int digit, double confidence, double score, boolean agree) {
    }

    /** The calibration file: three step functions measured by cross-validation (see {@link DigitVote}). */
    record CalibrationFile(String features, List<DigitCalibration.Step> svm, List<DigitCalibration.Step> cnn,
                           List<DigitCalibration.Step> joint) {
        DigitVote vote() {
            return new DigitVote(features, new DigitCalibration(features, svm), new DigitCalibration(features, cnn),
                    new DigitCalibration(features, joint));
        }
    }

    private final DigitSvm svm;
    private final DigitCnnEnsemble cnn;
    private final DigitVote vote;
    private final DigitFeatures features = new DigitFeatures();

    DigitClassifier(DigitSvm svm, DigitCnnEnsemble cnn, DigitVote vote) {
        if (!DigitFeatures.VERSION.equals(vote.features())) {
            throw new IllegalStateException("the digit model was trained with features '" + vote.features()
                    + "' but this code computes '" + DigitFeatures.VERSION
                    + "': they were trained by DigitModelTrainer, retired with issue 18 (src/main/resources/models/README.md)");
        }
        this.svm = svm;
        this.cnn = cnn;
        this.vote = vote;
    }

    /** Loads the committed models from the classpath ({@code /models/}); fails at once if one is missing or stale. */
    public static DigitClassifier fromClasspath() {
        OpenCv.load();
        return new DigitClassifier(loadSvm(), loadCnn(), loadCalibration().vote());
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
        DigitVote.Voted v = vote.vote(opinions(svm, features, cnn, digit, -1));
        return new Guess(v.digit(), vote.confidence(v), v.score(), v.agree());
    }

    /** What the SVM and the network each say about one normalised digit. */
    static DigitVote.Opinions opinions(DigitSvm svm, DigitFeatures features, DigitCnnEnsemble cnn, Mat digit,
                                       int truth) {
        DigitSvm.DigitScores s = svm.score(features.of(digit));
        byte[] px = new byte[DigitCnn.IN * DigitCnn.IN];
        digit.get(0, 0, px);
        double[] p = cnn.probabilities(px);
        return new DigitVote.Opinions(s.digit(), s.margin(), DigitCnn.argmax(p), DigitVote.cnnScore(p), truth);
    }

    private static DigitCnnEnsemble loadCnn() {
        try (InputStream in = new java.util.zip.GZIPInputStream(resource(CNN_MODEL))) {
            return DigitCnnEnsemble.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digit network " + RESOURCES + CNN_MODEL, e);
        }
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

    private static CalibrationFile loadCalibration() {
        try (InputStream in = resource(CALIBRATION)) {
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, CalibrationFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digit calibration " + RESOURCES + CALIBRATION, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DigitClassifier.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("digit model " + RESOURCES + name + " is not on the classpath: "
                    + "see src/main/resources/models/README.md");
        }
        return in;
    }
}
