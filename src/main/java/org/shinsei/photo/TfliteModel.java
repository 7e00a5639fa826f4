package org.shinsei.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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

    String resource() {
        return resource;
    }
}
