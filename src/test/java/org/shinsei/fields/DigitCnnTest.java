package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The optional third convolution, dropout and label smoothing: trained the same way twice, stored and read back. */
class DigitCnnTest {

    private static final byte[][] X = new byte[48][DigitCnn.IN * DigitCnn.IN];
    private static final int[] Y = new int[X.length];

    static {
        Random rnd = new Random(11);
        for (int i = 0; i < X.length; i++) {
            rnd.nextBytes(X[i]);
            Y[i] = i % DigitCnn.CLASSES;
        }
    }

    @Test
    void aThirdConvolutionIsStoredAsCnn3AndReadsBackToTheSameNetwork() throws IOException {
        DigitCnn.Params params = new DigitCnn.Params(2, 0.03, 0.8, 0.9, 8, 1e-4, 0.3, 0.1);
        DigitCnn.Shape shape = new DigitCnn.Shape(4, 6, 12, 5);
        DigitCnn net = DigitCnn.train(X, Y, shape, params, 3, null);
        byte[] file = bytes(net);

        DigitCnn read = DigitCnn.read(new ByteArrayInputStream(file));

        assertEquals(0x434e4e33, new DataInputStream(new ByteArrayInputStream(file)).readInt());
        assertEquals(shape, read.shape());
        assertArrayEquals(net.probabilities(X[7]), read.probabilities(X[7]), 0);
        assertArrayEquals(file, bytes(DigitCnn.train(X, Y, shape, params, 3, null)), "training repeats exactly");
    }

    @Test
    void twoConvolutionsAreStillStoredAsCnn2() throws IOException {
        DigitCnn.Params params = new DigitCnn.Params(1, 0.03, 0.8, 0.9, 8, 1e-4);
        byte[] file = bytes(DigitCnn.train(X, Y, new DigitCnn.Shape(4, 6, 12), params, 3, null));

        assertEquals(0x434e4e32, new DataInputStream(new ByteArrayInputStream(file)).readInt());
        assertEquals(new DigitCnn.Shape(4, 6, 12, 0), DigitCnn.read(new ByteArrayInputStream(file)).shape());
    }

    private static byte[] bytes(DigitCnn net) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        net.write(out);
        return out.toByteArray();
    }
}
