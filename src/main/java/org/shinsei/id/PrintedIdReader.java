package org.shinsei.id;

import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.FormLayout;
import org.shinsei.form.MmRect;
import org.shinsei.ocr.OcrProfile;
import org.shinsei.ocr.OcrResult;
import org.shinsei.ocr.OcrSymbol;
import org.shinsei.ocr.OcrWord;
import org.shinsei.ocr.TesseractEngines;
import org.shinsei.registration.RegisteredPage;

/**
 * Reads the printed 23 digits with the calling thread's Tesseract engine: an upright grey crop of the digit line
 * at about 300 dpi, read as one line of whitelisted digits. The crop goes to Tesseract in grey, not binarised:
 * the printed zero has a dot inside, and a global threshold of a 200 dpi JPEG scan fills it in, so that
 * Tesseract reads 6 or 8 with high confidence (9 of 120 lines wrong at 10 px/mm in our measurements, none in grey).
 * A binarised copy serves to look for ink blots ({@link InkBlots}) and to find the digit cells for the fast path.
 * <p>
 * The fast path: when the QR code gave an ID, the line is first compared with it digit by digit
 * ({@link PrintedIdVerifier}, about 2 ms instead of Tesseract's 20); Tesseract reads the line only when that
 * leaves any doubt, or when there is no QR ID, or when the line has a blot. The reading says which path gave it
 * ({@link PrintedCheck}).
 */
final class PrintedIdReader {

    static final List<Integer> GROUPS = List.of(4, 4, 4, 4, 4, 3);

    private final MmRect rect;
    private final double pxPerMm;
    private final double sizeMm;
    private final IdProperties props;
    private final TesseractEngines engines;
    private final OcrProfile profile;
    private final PrintedIdVerifier verifier;
    private final double pitchPx;

    PrintedIdReader(FormLayout layout, IdProperties props, TesseractEngines engines) {
        this(layout, props, engines, props.matchQr()
                ? new PrintedIdVerifier(DigitTemplates.load(), props.matchMinScore(), props.matchMinLead()) : null);
    }

    PrintedIdReader(FormLayout layout, IdProperties props, TesseractEngines engines, PrintedIdVerifier verifier) {
        this.rect = layout.idDigits().grow(props.digitsMarginMm());
        this.pxPerMm = props.digitsPxPerMm();
        this.sizeMm = layout.idDigitsSizeMm();
        this.props = props;
        this.engines = engines;
        this.profile = OcrProfile.digitLine(props.language());
        this.verifier = verifier;
        this.pitchPx = LineCells.ADVANCE_EM * sizeMm * pxPerMm;
    }

    OcrProfile profile() {
        return profile;
    }

    /** Reads the line with OCR. */
    PrintedReading read(RegisteredPage page) {
        return read(page, null);
    }

    /**
     * @param qrId the QR code's 23-digit ID, or null: when given (and the fast path is on), the line is first
     *             compared with it ({@link PrintedIdVerifier}); only a clear match of all 23 digits on a line
     *             without blots skips OCR, and then the reading's digits are {@code qrId}
     */
    PrintedReading read(RegisteredPage page, String qrId) {
        long start = System.nanoTime();
        Mat crop = page.cropGrey(rect, pxPerMm);
        Mat ink = ink(crop);
        try {
            boolean blotted = InkBlots.present(ink, pxPerMm, sizeMm);
            if (verifier != null && qrId != null && !blotted) {
                PrintedIdVerifier.Verdict v = verifier.verify(crop, ink, qrId, pitchPx);
                if (v.confirmed()) {
                    return new PrintedReading(qrId, v.weakestScore(), true, false, true, false,
                            (System.nanoTime() - start) / 1e6, PrintedCheck.MATCHED_QR);
                }
            }
            OcrResult r = engines.get(profile).recognise(crop, (int) Math.round(pxPerMm * 25.4), props.ocrTimeout());
            return interpret(r, blotted, ink, (System.nanoTime() - start) / 1e6);
        } finally {
            ink.release();
            crop.release();
        }
    }

    /** The line's ink as 255 on 0: Otsu's threshold of the lightly blurred crop, specks opened away. */
    static Mat ink(Mat crop) {
        Mat ink = new Mat();
        Imgproc.GaussianBlur(crop, ink, new Size(3, 3), 0);
        Imgproc.threshold(ink, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
        Imgproc.morphologyEx(ink, ink, Imgproc.MORPH_OPEN, kernel);
        kernel.release();
        return ink;
    }

    /** @param ink the line's ink as 255 on 0, specks removed */
    static PrintedReading interpret(OcrResult r, boolean blotted, Mat ink, double millis) {
        List<OcrSymbol> symbols = r.symbols().stream().filter(s -> !s.text().isBlank()).toList();
        String digits = symbols.stream().map(OcrSymbol::text).reduce("", String::concat);
        if (!QrDecoder.ID.matcher(digits).matches()) {
            return new PrintedReading(null, 0, false, blotted, false, r.timedOut(), millis);
        }
        double min = symbols.stream().mapToDouble(OcrSymbol::confidence).min().orElse(0);
        List<Integer> groups = r.words().stream().map(OcrWord::text).map(String::length).toList();
        boolean whole = DigitCells.whole(DigitCells.measure(ink, symbols));
        return new PrintedReading(digits, min, groups.equals(GROUPS), blotted, whole, r.timedOut(), millis);
    }
}
