package org.shinsei.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.shinsei.ocr.OcrSymbol;
import org.shinsei.support.OpenCv;

class DigitCellsTest {

    static final int PITCH = 32;
    static final int X0 = 40;

    @BeforeAll
    static void load() {
        OpenCv.load();
    }

    /** 23 glyph-like boxes on the printed grid; {@code damaged} digit drawn with the given box instead. */
    static Mat line(int damaged, double left, double right, double top) {
        Mat ink = new Mat(80, X0 + 30 * PITCH, CvType.CV_8UC1, new Scalar(0));
        for (int k = 0; k < 23; k++) {
            double c = X0 + PITCH * DigitCells.position(k);
            double l = k == damaged ? left : -0.38;
            double r = k == damaged ? right : 0.38;
            double t = k == damaged ? top : 20;
            Imgproc.rectangle(ink, new Point(c + l * PITCH, t), new Point(c + r * PITCH, 60), new Scalar(255), -1);
        }
        return ink;
    }

    static List<OcrSymbol> symbols() {
        List<OcrSymbol> s = new ArrayList<>();
        for (int k = 0; k < 23; k++) {
            // Tesseract's LSTM boxes are approximate: jitter them by a few pixels
            int c = X0 + PITCH * DigitCells.position(k) + (k % 3 - 1) * 3;
            s.add(new OcrSymbol("8", 0.99, c - 12, 20, c + 12, 60));
        }
        return s;
    }

    @Test
    void wholeDigitsOnTheGridPass() {
        Mat ink = line(-1, 0, 0, 0);
        try {
            assertThat(DigitCells.whole(DigitCells.measure(ink, symbols()))).isTrue();
        } finally {
            ink.release();
        }
    }

    @Test
    void theRightHalfOfADigitFails() {
        Mat ink = line(7, 0.02, 0.38, 20);
        try {
            assertThat(DigitCells.whole(DigitCells.measure(ink, symbols()))).isFalse();
        } finally {
            ink.release();
        }
    }

    @Test
    void theBottomHalfOfADigitFails() {
        Mat ink = line(12, -0.38, 0.38, 40);
        try {
            assertThat(DigitCells.whole(DigitCells.measure(ink, symbols()))).isFalse();
        } finally {
            ink.release();
        }
    }

    @Test
    void anEmptyCellFails() {
        Mat ink = line(20, 0, 0, 60);
        Imgproc.rectangle(ink, new Point(X0 + PITCH * DigitCells.position(20) - PITCH / 2.0, 0),
                new Point(X0 + PITCH * DigitCells.position(20) + PITCH / 2.0 - 1, 79), new Scalar(0), -1);
        try {
            assertThat(DigitCells.whole(DigitCells.measure(ink, symbols()))).isFalse();
        } finally {
            ink.release();
        }
    }
}
