package org.shinsei.id;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ID stage ({@code shinsei.id.*}); the defaults are in {@code config/id.yml} and in
 * {@link #defaults()}, which a test keeps equal.
 *
 * @param tessdata            folder holding {@code <language>.traineddata}
 * @param language            traineddata for the printed digits
 * @param qrPxPerMm           resolution of the QR crop: 6 px/mm gives about 5 px per module of the 24 mm code
 * @param qrMarginMm          how far the QR crop reaches beyond the layout's rectangle, for residual shifts
 * @param digitsPxPerMm       resolution of the printed-digit crop: 12 px/mm (≈300 dpi) makes the 4.5 mm digits
 *                            about 40 px tall, Tesseract's comfortable size
 * @param digitsMarginMm      how far the digit crop reaches beyond the layout's rectangle
 * @param printedMinConfidence the lowest per-digit confidence (0..1) at which the printed digits alone are
 *                            trusted as the ID
 * @param fallbacks           try the slower QR decodings when the fast one fails
 * @param ocrTimeout          Tesseract is cancelled after this long on one crop
 * @param matchQr             the fast path: when the QR code gives an ID, compare the printed digits with it digit by
 *                            digit ({@link PrintedIdVerifier}) and run Tesseract only when that leaves any doubt
 * @param matchMinScore       each cell's lowest correlation (-1..1) with the template of the QR's digit
 * @param matchMinLead        each cell's lowest lead of the QR's digit over the best-correlated other digit
 */
@ConfigurationProperties("shinsei.id")
public record IdProperties(
        @DefaultValue("/usr/share/tesseract-ocr/5/tessdata") Path tessdata,
        @DefaultValue("eng") String language,
        @DefaultValue("6.0") double qrPxPerMm,
        @DefaultValue("4.0") double qrMarginMm,
        @DefaultValue("8.0") double digitsPxPerMm,
        @DefaultValue("1.5") double digitsMarginMm,
        @DefaultValue("0.80") double printedMinConfidence,
        @DefaultValue("true") boolean fallbacks,
        @DefaultValue("5s") Duration ocrTimeout,
        @DefaultValue("true") boolean matchQr,
        @DefaultValue("0.85") double matchMinScore,
        @DefaultValue("0.05") double matchMinLead) {

    public IdProperties {
        if (qrPxPerMm <= 0 || digitsPxPerMm <= 0) {
            throw new IllegalArgumentException("shinsei.id: px-per-mm must be positive");
        }
        if (printedMinConfidence < 0 || printedMinConfidence > 1) {
            throw new IllegalArgumentException("shinsei.id.printed-min-confidence must be within 0..1");
        }
        if (matchMinScore <= 0 || matchMinScore > 1 || matchMinLead <= 0 || matchMinLead > 2) {
            throw new IllegalArgumentException(
                    "shinsei.id.match-min-score must be within (0, 1] and match-min-lead within (0, 2]: the fast path may only confirm");
        }
    }

    public static IdProperties defaults() {
        return new IdProperties(Path.of("/usr/share/tesseract-ocr/5/tessdata"), "eng", 6.0, 4.0, 8.0, 1.5, 0.80,
                true, Duration.ofSeconds(5), true, 0.85, 0.05);
    }
}
