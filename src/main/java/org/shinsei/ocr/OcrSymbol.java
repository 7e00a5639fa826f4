package org.shinsei.ocr;

/**
 * One recognised character.
 *
 * @param text       the character (UTF-8 text of one symbol)
 * @param confidence Tesseract's confidence, scaled to 0..1
 * @param left       bounding box in image pixels as Tesseract reports it (approximate for the LSTM recogniser)
 * @param top        ″
 * @param right      ″ (exclusive)
 * @param bottom     ″ (exclusive)
 */
public record OcrSymbol(String text, double confidence, int left, int top, int right, int bottom) {

    public double centreX() {
        return (left + right) / 2.0;
    }
}
