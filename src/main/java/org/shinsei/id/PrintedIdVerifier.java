package org.shinsei.id;

import org.opencv.core.Mat;

/**
 * The fast path of the printed digits: when the QR code gave an ID, the print need not be read, only checked to
 * say exactly that ID. The line's 23 cells are found from the ink ({@link LineCells}) and each is compared with
 * the ten digit templates ({@link DigitTemplates}); the ID is confirmed only when every cell correlates well with
 * the QR's digit at that place and clearly better with it than with any other digit. It can only confirm
 * agreement: any doubt (cells not found, one cell unlike its digit or too like another) leaves the line to OCR,
 * which then reads it as it always did, so a disagreement is still found and reported by the cross-check.
 */
final class PrintedIdVerifier {

    /**
     * @param confirmed     every cell shows the expected digit
     * @param weakestScore  lowest correlation of a cell with its expected digit (0 when the cells were not found)
     * @param weakestMargin lowest lead of the expected digit over the best other digit (0 when not found)
     * @param doubt         why it was not confirmed, or null
     */
    record Verdict(boolean confirmed, double weakestScore, double weakestMargin, String doubt) {
    }

    private final DigitTemplates templates;
    private final double minScore;
    private final double minMargin;

    PrintedIdVerifier(DigitTemplates templates, double minScore, double minMargin) {
        this.templates = templates;
        this.minScore = minScore;
        this.minMargin = minMargin;
    }

    /**
     * @param grey          the upright grey crop of the line
     * @param ink           its ink, 255 on 0, specks removed
     * @param expected      the 23 digits the QR code gave
     * @param expectedPitch the layout's character pitch in crop pixels
     */
    /**
     * Each cell's correlation with the ten digits ({@link DigitTemplates#scores}), or null when the line's ink is not
     * 23 whole digit cells.
     */
    double[][] cellScores(Mat grey, Mat ink, double expectedPitch) {
        LineCells.Cells cells = LineCells.find(ink, expectedPitch);
        if (cells == null) {
            return null;
        }
        int w = grey.cols();
        int h = grey.rows();
        byte[] px = new byte[w * h];
        grey.get(0, 0, px);
        double[][] scores = new double[LineCells.COUNT][];
        for (int k = 0; k < LineCells.COUNT; k++) {
            scores[k] = templates.scores(DigitPatch.sample(px, w, h, cells.boxes().get(k), cells.pitch(), cells.digitHeight()));
        }
        return scores;
    }

    Verdict verify(Mat grey, Mat ink, String expected, double expectedPitch) {
        if (expected == null || !QrDecoder.ID.matcher(expected).matches()) {
            return new Verdict(false, 0, 0, "no 23-digit QR ID to check against");
        }
        return judge(cellScores(grey, ink, expectedPitch), expected);
    }

    /**
     * The decision on the cells' scores.
     *
     * @param scores   {@link #cellScores}, or null when the cells were not found
     * @param expected the QR code's 23 digits
     */
    Verdict judge(double[][] scores, String expected) {
        if (expected == null || !QrDecoder.ID.matcher(expected).matches()) {
            return new Verdict(false, 0, 0, "no 23-digit QR ID to check against");
        }
        if (scores == null) {
            return new Verdict(false, 0, 0, "not 23 whole digit cells on the grid");
        }
        double weakestScore = 1;
        double weakestMargin = 1;
        for (int k = 0; k < LineCells.COUNT; k++) {
            int d = expected.charAt(k) - '0';
            double[] s = scores[k];
            double other = -1;
            for (int e = 0; e < 10; e++) {
                if (e != d) {
                    other = Math.max(other, s[e]);
                }
            }
            weakestScore = Math.min(weakestScore, s[d]);
            weakestMargin = Math.min(weakestMargin, s[d] - other);
        }
        boolean ok = weakestScore >= minScore && weakestMargin >= minMargin;
        return new Verdict(ok, weakestScore, weakestMargin,
                ok ? null : String.format(java.util.Locale.ROOT, "weakest cell %.3f, lead %.3f", weakestScore, weakestMargin));
    }
}
