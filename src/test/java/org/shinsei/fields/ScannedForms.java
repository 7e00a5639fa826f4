package org.shinsei.fields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.shinsei.registration.PageTransform;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.SimulatedScan;

/** Turns a generated scan into the {@link RegisteredPage} that registration would give, using the true geometry. */
final class ScannedForms {

    static final java.nio.file.Path DIGITS = java.nio.file.Path.of("..", "shared", "data", "digits", "digits.png");
    static final LocalDate BATCH_DATE = LocalDate.of(2026, 11, 27);

    private ScannedForms() {
    }

    static RegisteredPage register(SimulatedScan scan) {
        Mat image = scan.toMat();
        Mat grey = image;
        if (image.channels() == 3) {
            grey = new Mat();
            Imgproc.cvtColor(image, grey, Imgproc.COLOR_BGR2GRAY);
        }
        PageTransform t = scan.truth();
        // the generator's pixel (i, j) covers [i, i+1); OpenCV puts pixel centres on integers
        PageTransform opencv = new PageTransform(t.a(), t.b(), t.c() - 0.5, t.d(), t.e(), t.f() - 0.5);
        return new RegisteredPage(1, image, grey, opencv, 0, 0, scan.dpi(), scan.dpi());
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
