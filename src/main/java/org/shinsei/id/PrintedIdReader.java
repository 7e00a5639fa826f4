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
 * Reads the printed 23 digits with the calling thread's Tesseract engine: an upright crop of the digit line at
 * about 300 dpi, binarised with Otsu after a light blur (JPEG ringing and scanner noise otherwise become
 * speckles that Tesseract reads as digits), then one line of whitelisted digits.
 */
final class PrintedIdReader {

    static final List<Integer> GROUPS = List.of(4, 4, 4, 4, 4, 3);

    private final MmRect rect;
    private final double pxPerMm;
    private final double sizeMm;
    private final IdProperties props;
    private final TesseractEngines engines;
    private final OcrProfile profile;

    PrintedIdReader(FormLayout layout, IdProperties props, TesseractEngines engines) {
        this.rect = layout.idDigits().grow(props.digitsMarginMm());
        this.pxPerMm = props.digitsPxPerMm();
        this.sizeMm = layout.idDigitsSizeMm();
        this.props = props;
        this.engines = engines;
        this.profile = OcrProfile.digitLine(props.language());
    }

    OcrProfile profile() {
        return profile;
    }

    PrintedReading read(RegisteredPage page) {
        long start = System.nanoTime();
        Mat crop = page.cropGrey(rect, pxPerMm);
        Mat binary = new Mat();
        try {
            Imgproc.GaussianBlur(crop, binary, new Size(3, 3), 0);
            Imgproc.threshold(binary, binary, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
            boolean blotted = InkBlots.present(binary, pxPerMm, sizeMm);
            OcrResult r = engines.get(profile).recognise(binary, (int) Math.round(pxPerMm * 25.4), props.ocrTimeout());
            return interpret(r, blotted, (System.nanoTime() - start) / 1_000_000);
        } finally {
            binary.release();
            crop.release();
        }
    }

    static PrintedReading interpret(OcrResult r, boolean blotted, long millis) {
        List<OcrSymbol> symbols = r.symbols().stream().filter(s -> !s.text().isBlank()).toList();
        String digits = symbols.stream().map(OcrSymbol::text).reduce("", String::concat);
        if (!QrDecoder.ID.matcher(digits).matches()) {
            return new PrintedReading(null, 0, false, blotted, r.timedOut(), millis);
        }
        double min = symbols.stream().mapToDouble(OcrSymbol::confidence).min().orElse(0);
        List<Integer> groups = r.words().stream().map(OcrWord::text).map(String::length).toList();
        return new PrintedReading(digits, min, groups.equals(GROUPS), blotted, r.timedOut(), millis);
    }
}
