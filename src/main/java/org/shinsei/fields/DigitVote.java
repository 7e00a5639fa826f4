package org.shinsei.fields;

import java.util.ArrayList;
import java.util.List;

/**
 * Two opinions on one digit — the HOG + SVM and the pixel network — turned into one digit and one calibrated
 * confidence. Each opinion is calibrated on its own (SVM margin, network log-odds of its top two classes →
 * probability right, isotonic, on cross-validated digits). When both name the same digit, the confidence is the
 * SVM's; when they disagree, the more confident one's digit is taken and the confidence comes from the joint
 * calibration of {@code z = −100 + logit(p)}, which puts every disagreement below every agreement. The
 * agreement requirement is what the network adds: most of the SVM's sure-looking
 * mistakes are not the network's. The joint score of agreements ({@code logit(p₁) + logit(p₂)}) is calibrated and
 * reported too; used as the confidence it ranked held-out MNIST fields better (57 % accepted with none wrong) but
 * doubted the flagged Japanese 1 so much that most dates with 11月 went to a person.
 *
 * @param features the {@link DigitFeatures#VERSION} everything was measured with
 * @param svm      SVM margin → probability that the SVM's digit is right
 * @param cnn      network score → probability that the network's digit is right
 * @param joint    vote score → probability that the voted digit is right
 */
public record DigitVote(String features, DigitCalibration svm, DigitCalibration cnn, DigitCalibration joint) {

    /** Every disagreement scores below every agreement (a logit sum lies within about ±20). */
    private static final double DISAGREEMENT = -100;

    /** What both classifiers said about one digit, and (for fitting) the truth; {@code truth} −1 when unknown. */
    record Opinions(int svmDigit, double svmMargin, int cnnDigit, double cnnScore, int truth) {
    }

    /**
     * The voted digit, its score {@code z} before the joint calibration, and the SVM's own calibrated probability
     * ({@code svmP}) when the two agree (0 when they do not).
     */
    record Voted(int digit, double score, boolean agree, double svmP) {
    }

    /** The network's confidence in its top class: log of the ratio of its two highest probabilities. */
    static double cnnScore(double[] p) {
        int top = DigitCnn.argmax(p);
        double second = 0;
        for (int k = 0; k < p.length; k++) {
            if (k != top) {
                second = Math.max(second, p[k]);
            }
        }
        return StrictMath.log(Math.max(p[top], 1e-300) / Math.max(second, 1e-300));
    }

    Voted vote(Opinions o) {
        return vote(o, svm, cnn);
    }

    /**
     * The probability that the voted digit is right. When both classifiers read the same digit, the SVM's own
     * calibrated probability: the network's agreement is required but its doubt is not multiplied in, because it
     * stays unsure of the flagged Japanese 1 (which it confuses a little with 7) and would send most dates with 11月
     * to a person. When they disagree, the joint calibration's, which puts every disagreement below every agreement.
     */
    double confidence(Voted v) {
        return v.agree() ? v.svmP() : joint.confidence(v.score());
    }

    private static Voted vote(Opinions o, DigitCalibration svm, DigitCalibration cnn) {
        double p1 = svm.confidence(o.svmMargin());
        double p2 = cnn.confidence(o.cnnScore());
        if (o.svmDigit() == o.cnnDigit()) {
            return new Voted(o.svmDigit(), logit(p1) + logit(p2), true, p1);
        }
        return p1 >= p2 ? new Voted(o.svmDigit(), DISAGREEMENT + logit(p1), false, 0)
                : new Voted(o.cnnDigit(), DISAGREEMENT + logit(p2), false, 0);
    }

    private static double logit(double p) {
        return StrictMath.log(p / (1 - p));
    }

    /** Fits the three calibrations on cross-validated opinions (each measured by models that never saw the digit). */
    static DigitVote fit(String features, List<Opinions> observed) {
        List<DigitCalibration.Observation> s = new ArrayList<>();
        List<DigitCalibration.Observation> c = new ArrayList<>();
        for (Opinions o : observed) {
            s.add(new DigitCalibration.Observation(o.svmMargin(), o.svmDigit() == o.truth()));
            c.add(new DigitCalibration.Observation(o.cnnScore(), o.cnnDigit() == o.truth()));
        }
        DigitCalibration svm = DigitCalibration.fit(features, s);
        DigitCalibration cnn = DigitCalibration.fit(features, c);
        List<DigitCalibration.Observation> j = new ArrayList<>();
        for (Opinions o : observed) {
            Voted v = vote(o, svm, cnn);
            j.add(new DigitCalibration.Observation(v.score(), v.digit() == o.truth()));
        }
        return new DigitVote(features, svm, cnn, DigitCalibration.fit(features, j));
    }
}
