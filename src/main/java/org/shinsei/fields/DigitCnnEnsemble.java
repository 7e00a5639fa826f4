package org.shinsei.fields;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link DigitCnn}s trained on the same digits from different seeds, read as one: the mean of their
 * probabilities. Networks that start from other weights and see the digits in another order end in other minima and
 * make partly other mistakes, so their mean is wrong less often than any one of them (on the held-out digits, three
 * nets: 1.6 % against 1.8–2.3 % alone). Stored as the networks one after another in one file; the committed model
 * is one network (the retired DigitModelTrainer chose one). Immutable, thread-safe.
 */
record DigitCnnEnsemble(List<DigitCnn> nets) {

    DigitCnnEnsemble {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("an ensemble of no networks");
        }
        nets = List.copyOf(nets);
    }

    /** @param digit the normalised digit as bytes 0..255, row by row */
    double[] probabilities(byte[] digit) {
        double[] mean = new double[DigitCnn.CLASSES];
        for (DigitCnn net : nets) {
            double[] p = net.probabilities(digit);
            for (int k = 0; k < mean.length; k++) {
                mean[k] += p[k];
            }
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= nets.size();
        }
        return mean;
    }

    /** Reads networks until the stream ends. */
    static DigitCnnEnsemble read(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in);
        List<DigitCnn> nets = new ArrayList<>();
        while (true) {
            b.mark(1);
            if (b.read() < 0) {
                break;
            }
            b.reset();
            nets.add(DigitCnn.read(b));
        }
        return new DigitCnnEnsemble(nets);
    }
}
