package org.shinsei.ocr;

/**
 * One recognised character.
 *
 * @param text       the character (UTF-8 text of one symbol)
 * @param confidence Tesseract's confidence, scaled to 0..1
 */
public record OcrSymbol(String text, double confidence) {
}
