package org.shinsei.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * A TFLite model read once from the classpath ({@code /models/...}); each thread gets its own {@link Net} from the
 * same bytes, since a Net keeps per-call buffers and must not run on two threads at once.
 */
final class TfliteModel {

    private final String resource;
    private final byte[] bytes;
    private final ThreadLocal<Net> nets;

    TfliteModel(String resource) {
        this.resource = resource;
        try (InputStream in = TfliteModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model " + resource + " is missing from the classpath");
            }
            this.bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("model " + resource + " cannot be read", e);
        }
        this.nets = ThreadLocal.withInitial(this::load);
        this.nets.set(load()); // fails here, at start-up, if OpenCV cannot read the model
    }

    private Net load() {
        MatOfByte buffer = new MatOfByte(bytes);
        try {
            Net net = Dnn.readNetFromTFLite(buffer);
            if (net.empty()) {
                throw new IllegalStateException("model " + resource + " cannot be loaded by OpenCV");
            }
            net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
            net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
            return net;
        } finally {
            buffer.release();
        }
    }

    /** This thread's network. */
    Net net() {
        return nets.get();
    }

    /**
     * Runs this thread's network on {@code blob} and copies each output into the array of its size ({@code outputs}
     * must all differ in length); an output of another size is a fault of the model file.
     */
    void run(Mat blob, float[]... outputs) {
        Net net = net();
        net.setInput(blob);
        List<Mat> outs = new ArrayList<>();
        net.forward(outs, net.getUnconnectedOutLayersNames());
        try {
            for (Mat o : outs) {
                Mat flat = o.reshape(1, 1);
                try {
                    float[] target = null;
                    for (float[] candidate : outputs) {
                        target = candidate.length == flat.total() ? candidate : target;
                    }
                    if (target == null) {
                        throw new IllegalStateException(resource + ": an output of " + flat.total() + " values");
                    }
                    flat.get(0, 0, target);
                } finally {
                    flat.release();
                }
            }
        } finally {
            outs.forEach(Mat::release);
        }
    }

    String resource() {
        return resource;
    }
}
