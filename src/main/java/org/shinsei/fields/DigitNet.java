package org.shinsei.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.shinsei.support.OpenCv;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The hand-written digit network: a small CNN trained with PyTorch on MNIST digits written into the form's boxes and
 * scanned (training/digits), exported to ONNX and run by OpenCV's DNN, one {@link Net} per thread (a Net keeps
 * per-call state). All the digits of a form go through in one call. Its outputs are turned into probabilities with
 * the temperature fitted on the calibration split, which training never saw. Thread-safe.
 */
public final class DigitNet {

    static final String MODEL = "digits-net.onnx";
    static final String CALIBRATION = "digits-net.yml";
    private static final String RESOURCES = "/models/";
    private static final int CLASSES = 10;

    /** {@code digits-net.yml}, written by training/digits/train.py beside the model. */
    record Calibration(String model, String sha256, int inputSize, double temperature, double fieldThreshold,
                       long seed, int epochs, Map<String, Double> figures) {
    }

    private final byte[] onnx;
    private final Calibration calibration;
    private final ThreadLocal<Net> nets;

    DigitNet(byte[] onnx, Calibration calibration) {
        OpenCv.load();
        String sha = sha256(onnx);
        if (!sha.equals(calibration.sha256())) {
            throw new IllegalStateException("the digit model " + MODEL + " has SHA-256 " + sha + " but " + CALIBRATION
                    + " was made for " + calibration.sha256() + ": commit the two files of one training run together");
        }
        if (calibration.inputSize() != DigitImage.SIZE || !(calibration.temperature() > 0)) {
            throw new IllegalStateException(CALIBRATION + ": input size " + calibration.inputSize() + " (this code makes "
                    + DigitImage.SIZE + "), temperature " + calibration.temperature());
        }
        this.onnx = onnx;
        this.calibration = calibration;
        this.nets = ThreadLocal.withInitial(this::load);
        nets.get(); // a model OpenCV cannot load fails here, at start-up
    }

    /** The committed model and its calibration from the classpath ({@code /models/}). */
    public static DigitNet fromClasspath() {
        try (InputStream model = resource(MODEL); InputStream cal = resource(CALIBRATION)) {
            Calibration c = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(cal, Calibration.class);
            return new DigitNet(model.readAllBytes(), c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digit model " + RESOURCES + MODEL, e);
        }
    }

    Calibration calibration() {
        return calibration;
    }

    /**
     * @param digits {@link DigitImage} images
     * @return per image, the calibrated probability of each digit 0–9
     */
    double[][] probabilities(List<byte[]> digits) {
        int n = digits.size();
        double[][] out = new double[n][];
        if (n == 0) {
            return out;
        }
        int px = DigitImage.SIZE * DigitImage.SIZE;
        float[] in = new float[n * px];
        for (int i = 0; i < n; i++) {
            byte[] d = digits.get(i);
            for (int j = 0; j < px; j++) {
                in[i * px + j] = d[j] & 0xff;
            }
        }
        Mat blob = new Mat(new int[] {n, 1, DigitImage.SIZE, DigitImage.SIZE}, CvType.CV_32F);
        Mat logits = null;
        try {
            blob.put(new int[] {0, 0, 0, 0}, in);
            Net net = nets.get();
            net.setInput(blob);
            logits = net.forward();
            float[] z = new float[n * CLASSES];
            logits.get(new int[] {0, 0}, z);
            for (int i = 0; i < n; i++) {
                out[i] = softmax(z, i * CLASSES, calibration.temperature());
            }
            return out;
        } finally {
            blob.release();
            if (logits != null) {
                logits.release();
            }
        }
    }

    private static double[] softmax(float[] z, int from, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES; k++) {
            max = Math.max(max, z[from + k]);
        }
        double[] p = new double[CLASSES];
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            p[k] = StrictMath.exp((z[from + k] - max) / temperature);
            sum += p[k];
        }
        for (int k = 0; k < CLASSES; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private Net load() {
        MatOfByte buffer = new MatOfByte(onnx);
        try {
            return Dnn.readNetFromONNX(buffer);
        } finally {
            buffer.release();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DigitNet.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("digit model " + RESOURCES + name + " is not on the classpath: "
                    + "see training/digits/README.md");
        }
        return in;
    }
}
