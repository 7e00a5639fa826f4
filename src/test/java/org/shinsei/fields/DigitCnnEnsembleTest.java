package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The ensemble's file holds every network, each with its own widths, and reads back to the same mean. */
class DigitCnnEnsembleTest {

    @Test
    void writesAndReadsEveryNetworkAndAveragesThem() throws IOException {
        Random rnd = new Random(7);
        byte[][] x = new byte[40][DigitCnn.IN * DigitCnn.IN];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            rnd.nextBytes(x[i]);
            y[i] = i % DigitCnn.CLASSES;
        }
        DigitCnn.Params one = new DigitCnn.Params(1, 0.03, 0.8, 0.9, 8, 1e-4);
        DigitCnn a = DigitCnn.train(x, y, DigitCnn.Shape.SMALL, one, 1, null);
        DigitCnn b = DigitCnn.train(x, y, new DigitCnn.Shape(4, 6, 12), one, 2, null);
        DigitCnnEnsemble written = new DigitCnnEnsemble(List.of(a, b));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        written.write(out);

        DigitCnnEnsemble read = DigitCnnEnsemble.read(new ByteArrayInputStream(out.toByteArray()));

        assertEquals(2, read.nets().size());
        assertEquals(new DigitCnn.Shape(4, 6, 12), read.nets().get(1).shape());
        double[] pa = a.probabilities(x[3]);
        double[] pb = b.probabilities(x[3]);
        assertNotEquals(pa[0], pb[0]);
        double[] mean = new double[pa.length];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = (pa[k] + pb[k]) / 2;
        }
        assertArrayEquals(mean, read.probabilities(x[3]), 1e-12);
    }
}
