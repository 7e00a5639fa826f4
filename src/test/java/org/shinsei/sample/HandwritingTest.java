package org.shinsei.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.shinsei.form.MmRect;

/** Digits land inside their box, deterministically, and MNIST draws only the samples it is allowed. */
class HandwritingTest {

    private static final Path MNIST = Path.of("..", "shared", "data", "digits", "mnist");
    private static final MmRect BOX = new MmRect(2, 2, 7, 9);

    @Test
    void fontDigitStaysInItsBoxAndRepeatsForTheSameSalt() {
        FontHandwriting hw = new FontHandwriting(7);
        for (int d = 0; d <= 9; d++) {
            int digit = d;
            BufferedImage a = FormRenderer.renderPage(c -> hw.drawDigit(c, digit, BOX, InkColour.BLACK.colour(), 3), 11, 13, 300);
            BufferedImage b = FormRenderer.renderPage(c -> hw.drawDigit(c, digit, BOX, InkColour.BLACK.colour(), 3), 11, 13, 300);
            int[] ink = inkBounds(a);
            double pxPerMm = 300 / 25.4;
            assertTrue(ink[0] >= (BOX.x() - 0.3) * pxPerMm && ink[2] <= (BOX.x() + BOX.width() + 0.3) * pxPerMm,
                    "digit " + d + " leaves its box horizontally");
            assertTrue(ink[1] >= (BOX.y() - 0.3) * pxPerMm && ink[3] <= (BOX.y() + BOX.height() + 0.3) * pxPerMm,
                    "digit " + d + " leaves its box vertically");
            assertTrue(java.util.Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                    b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth())));
        }
    }

    @Test
    void mnistDrawsOnlyTheAllowedSampleOfEachDigit() throws IOException {
        // exactly one allowed sample per digit: every 7 drawn must be the same image
        MnistDigits mnist = MnistDigits.trainingSet(MNIST);
        assertEquals(60_000, mnist.size());
        assertEquals(28, mnist.cell());
        List<Integer> one = IntStream.range(0, 10)
                .map(d -> IntStream.range(50_000, 60_000).filter(i -> mnist.labels()[i] == d).findFirst().orElseThrow())
                .boxed().toList();
        MnistHandwriting hw = new MnistHandwriting(mnist, one, 1);
        BufferedImage a = FormRenderer.renderPage(c -> hw.drawDigit(c, 7, BOX, InkColour.BLUE.colour(), 1), 11, 13, 300);
        BufferedImage b = FormRenderer.renderPage(c -> hw.drawDigit(c, 7, BOX, InkColour.BLUE.colour(), 2), 11, 13, 300);
        assertTrue(inkBounds(a)[2] > 0, "nothing drawn");
        assertTrue(Math.abs(inkArea(a) - inkArea(b)) < 0.25 * inkArea(a), "the one allowed 7, drawn twice");
        assertThrows(IllegalArgumentException.class, () -> new MnistHandwriting(mnist, List.of(0, 1, 2), 1),
                "a digit without samples must be refused");
    }

    private static int inkArea(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) >> 16 & 0xff) < 160 ? 1 : 0;
            }
        }
        return n;
    }

    /** minX, minY, maxX, maxY of pixels darker than 160, or zeros. */
    private static int[] inkBounds(BufferedImage img) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 160 || (img.getRGB(x, y) >> 16 & 0xff) < 160) {
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
            }
        }
        return b;
    }
}
