package org.shinsei.fields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.SimulatedScan;

/** Turns a generated scan into the {@link RegisteredPage} that registration would give, using the true geometry. */
final class ScannedForms {

    static final java.nio.file.Path MNIST = java.nio.file.Path.of("..", "shared", "data", "digits", "mnist");
    private static org.shinsei.sample.MnistDigits mnist;
    static final LocalDate BATCH_DATE = LocalDate.of(2026, 11, 27);

    private ScannedForms() {
    }

    /** MNIST's 60,000 training digits, read once per JVM. */
    static synchronized org.shinsei.sample.MnistDigits mnist() throws java.io.IOException {
        if (mnist == null) {
            mnist = org.shinsei.sample.MnistDigits.trainingSet(MNIST);
        }
        return mnist;
    }

    static RegisteredPage register(SimulatedScan scan) {
        return scan.toRegisteredPage(0, 0);
    }

    /** Sample indices (0..4999, as MnistHandwriting counts) whose index within their digit is in [from, to). */
    static List<Integer> indices(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            for (int i = from; i < to; i++) {
                out.add(d * 500 + i);
            }
        }
        return out;
    }
}
