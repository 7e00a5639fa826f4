package org.shinsei.fields;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.TermCriteria;
import org.opencv.ml.Ml;
import org.opencv.ml.SVM;
import org.shinsei.fields.DigitSamples.Sample;
import org.shinsei.support.OpenCv;

import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Trains the digit model from {@code digits.png} and writes {@code digits-svm.yml.gz} and
 * {@code digits-calibration.yml}. Its data are deterministic (augmentation seeded per cell); see the models README
 * for the one known wobble, in OpenCV's SVM solver.
 *
 * <p>Indices 0–399 of every digit train; 400–499 are never seen here except in the final held-out report, so the
 * evaluation tests can use them. The calibration comes from 4-fold cross-validation inside the training indices
 * (each fold's margins measured by a model trained on the other three), so it is measured on unseen digits too.
 *
 * <pre>java -cp target/classes:$(cat cp.txt) org.shinsei.fields.DigitModelTrainer
 *     [--digits ../shared/data/digits/digits.png] [--out src/main/resources/models] [--variants 6]
 *     [--c 2] [--gamma 0.2] [--search]</pre>
 * {@code --search} only prints the fold-0 error over a small grid of C and gamma (how the defaults were chosen).
 */
public final class DigitModelTrainer {

    static final int TRAIN_END = 400;
    static final int FOLDS = 4;
    /** Each calibration digit is measured as written and in this many distorted variants. */
    private static final int CALIBRATION_VARIANTS = 2;
    private static final long SEED = 20261127L;

    record Params(int variants, double c, double gamma) {
    }

    private final DigitSamples sheet;
    private final DigitFeatures features = new DigitFeatures();

    private DigitModelTrainer(DigitSamples sheet) {
        this.sheet = sheet;
    }

    public static void main(String[] args) throws IOException {
        OpenCv.load();
        Map<String, String> opt = options(args);
        Path digits = Path.of(opt.getOrDefault("digits", "../shared/data/digits/digits.png"));
        Path out = Path.of(opt.getOrDefault("out", "src/main/resources/models"));
        Params params = new Params(Integer.parseInt(opt.getOrDefault("variants", "6")),
                Double.parseDouble(opt.getOrDefault("c", "2")), Double.parseDouble(opt.getOrDefault("gamma", "0.2")));
        try (DigitSamples sheet = DigitSamples.load(digits)) {
            DigitModelTrainer trainer = new DigitModelTrainer(sheet);
            if (opt.containsKey("search")) {
                trainer.search(params.variants());
            } else {
                trainer.build(params, out);
            }
        }
    }

    /** Chooses C and gamma on fold 0 of the training indices (never on the held-out digits). */
    private void search(int variants) {
        List<Sample> fit = new ArrayList<>();
        List<Sample> check = new ArrayList<>();
        split(0, fit, check);
        for (double c : new double[] {1, 2, 4, 8}) {
            for (double gamma : new double[] {0.1, 0.2, 0.35}) {
                long t0 = System.nanoTime();
                DigitSvm svm = train(fit, new Params(variants, c, gamma));
                List<DigitCalibration.Observation> plain = observe(svm, check, 0);
                List<DigitCalibration.Observation> obs = observe(svm, check, CALIBRATION_VARIANTS);
                System.out.printf(Locale.ROOT, "C=%-5s gamma=%-5s SVs=%5d  fold-0 error %.2f%% as written, %.2f%% with variants (%.0f s)%n",
                        c, gamma, svm.supportVectorCount(), 100 * errorRate(plain), 100 * errorRate(obs),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private void build(Params params, Path out) throws IOException {
        List<DigitCalibration.Observation> calibrationData = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Sample> fit = new ArrayList<>();
            List<Sample> check = new ArrayList<>();
            split(fold, fit, check);
            List<DigitCalibration.Observation> obs = observe(train(fit, params), check, CALIBRATION_VARIANTS);
            System.out.printf(Locale.ROOT, "fold %d: error %.2f%% on %d%n", fold, 100 * errorRate(obs), obs.size());
            calibrationData.addAll(obs);
        }
        DigitCalibration calibration = DigitCalibration.fit(DigitFeatures.VERSION, calibrationData);

        SVM svm = trainOpenCv(sheet.range(0, TRAIN_END), params);
        Files.createDirectories(out);
        Path model = out.resolve(DigitClassifier.MODEL);
        svm.save(model.toString());
        DigitSvm java = DigitSvm.of(svm);
        checkAgainstOpenCv(svm, java);
        svm.clear();

        HeldOut report = heldOut(java, calibration);
        Files.writeString(out.resolve(DigitClassifier.CALIBRATION), calibrationYaml(calibration, params, report));
        System.out.printf(Locale.ROOT, "model: %d support vectors, %s (%d bytes)%n", java.supportVectorCount(),
                model, Files.size(model));
        System.out.println(report.text());
    }

    private void split(int fold, List<Sample> fit, List<Sample> check) {
        int size = TRAIN_END / FOLDS;
        for (Sample s : sheet.range(0, TRAIN_END)) {
            (s.index() / size == fold ? check : fit).add(s);
        }
    }

    private DigitSvm train(List<Sample> samples, Params params) {
        SVM svm = trainOpenCv(samples, params);
        try {
            return DigitSvm.of(svm);
        } finally {
            svm.clear();
        }
    }

    private SVM trainOpenCv(List<Sample> samples, Params params) {
        int rows = samples.size() * (1 + params.variants());
        Mat x = new Mat(rows, features.length(), CvType.CV_32F);
        Mat y = new Mat(rows, 1, CvType.CV_32S);
        try {
            int r = 0;
            for (Sample s : samples) {
                Random rnd = random(s, 1);
                for (int v = 0; v <= params.variants(); v++, r++) {
                    x.put(r, 0, featuresOf(s, v == 0 ? null : rnd));
                    y.put(r, 0, s.digit());
                }
            }
            SVM svm = SVM.create();
            svm.setType(SVM.C_SVC);
            svm.setKernel(SVM.RBF);
            svm.setC(params.c());
            svm.setGamma(params.gamma());
            svm.setTermCriteria(new TermCriteria(TermCriteria.MAX_ITER + TermCriteria.EPS, 10_000_000, 1e-3));
            svm.train(x, Ml.ROW_SAMPLE, y);
            return svm;
        } finally {
            x.release();
            y.release();
        }
    }

    /** The features of a cell as written ({@code rnd == null}) or of one distorted variant. */
    float[] featuresOf(Sample s, Random rnd) {
        Mat ink = rnd == null ? s.cell() : DigitAugmenter.variant(s.cell(), s.digit(), rnd);
        Mat digit = DigitNormaliser.normalise(ink);
        try {
            return features.of(digit);
        } finally {
            digit.release();
            if (rnd != null) {
                ink.release();
            }
        }
    }

    private List<DigitCalibration.Observation> observe(DigitSvm svm, List<Sample> samples, int variants) {
        List<DigitCalibration.Observation> out = new ArrayList<>();
        for (Sample s : samples) {
            Random rnd = random(s, 2);
            for (int v = 0; v <= variants; v++) {
                DigitSvm.DigitScores score = svm.score(featuresOf(s, v == 0 ? null : rnd));
                out.add(new DigitCalibration.Observation(score.margin(), score.digit() == s.digit()));
            }
        }
        return out;
    }

    /** Per-cell seeds, so a variant does not depend on which other cells were drawn before it. */
    private static Random random(Sample s, int purpose) {
        return new Random(SEED * 1_000_003L + s.globalIndex() * 31L + purpose);
    }

    private static double errorRate(List<DigitCalibration.Observation> obs) {
        return obs.stream().filter(o -> !o.right()).count() / (double) obs.size();
    }

    private void checkAgainstOpenCv(SVM svm, DigitSvm java) {
        Mat row = new Mat(1, features.length(), CvType.CV_32F);
        try {
            for (Sample s : sheet.range(TRAIN_END, TRAIN_END + 20)) {
                float[] f = featuresOf(s, null);
                row.put(0, 0, f);
                int cv = (int) svm.predict(row);
                if (cv != java.score(f).digit()) {
                    throw new IllegalStateException("the Java evaluation of the SVM disagrees with OpenCV's predict");
                }
            }
        } finally {
            row.release();
        }
    }

    record HeldOut(double error, double variantError, String text) {
    }

    private HeldOut heldOut(DigitSvm svm, DigitCalibration calibration) {
        List<Sample> held = sheet.range(TRAIN_END, DigitSamples.PER_DIGIT);
        List<DigitCalibration.Observation> plain = observe(svm, held, 0);
        List<DigitCalibration.Observation> all = observe(svm, held, CALIBRATION_VARIANTS);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "held-out (indices %d-%d): error %.2f%% as written, %.2f%% with distorted variants%n",
                TRAIN_END, DigitSamples.PER_DIGIT - 1, 100 * errorRate(plain), 100 * errorRate(all)));
        reliability(text, "as written", plain, calibration);
        reliability(text, "as written + variants", all, calibration);
        return new HeldOut(errorRate(plain), errorRate(all), text.toString());
    }

    private static void reliability(StringBuilder text, String what, List<DigitCalibration.Observation> obs,
                                    DigitCalibration calibration) {
        text.append("  ").append(what).append(':').append(System.lineSeparator());
        for (double t : new double[] {0.9, 0.98, 0.99, 0.995, 0.999}) {
            long kept = obs.stream().filter(o -> calibration.confidence(o.margin()) >= t).count();
            long wrong = obs.stream().filter(o -> calibration.confidence(o.margin()) >= t && !o.right()).count();
            text.append(String.format(Locale.ROOT, "    confidence >= %.3f: keeps %5.1f%%, error among kept %.3f%% (%d/%d)%n",
                    t, 100.0 * kept / obs.size(), kept == 0 ? 0 : 100.0 * wrong / kept, wrong, kept));
        }
    }

    private static String calibrationYaml(DigitCalibration calibration, Params params, HeldOut report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("features", calibration.features());
        // insertion-ordered, so that the same model always writes the same file
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("data", "digits.png (OpenCV sample data, from MNIST, CC BY-SA 3.0): indices 0-" + (TRAIN_END - 1)
                + " of each digit, " + params.variants() + " distorted variants each");
        training.put("svm", "C-SVC, RBF, C=" + params.c() + ", gamma=" + params.gamma());
        training.put("calibration", FOLDS + "-fold cross-validation inside the training indices, "
                + CALIBRATION_VARIANTS + " variants per digit");
        training.put("heldOutError", String.format(Locale.ROOT, "%.4f as written, %.4f with variants (indices %d-%d)",
                report.error(), report.variantError(), TRAIN_END, DigitSamples.PER_DIGIT - 1));
        doc.put("training", training);
        doc.put("steps", calibration.steps());
        return YAMLMapper.builder().build().writeValueAsString(doc);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            out.put(key, flag ? "true" : args[++i]);
        }
        return out;
    }
}
