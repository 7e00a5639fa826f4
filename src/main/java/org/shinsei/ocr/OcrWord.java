package org.shinsei.ocr;

import java.util.List;

/**
 * One recognised word (a run of symbols between spaces) with its symbols.
 *
 * @param text       the word's text
 * @param confidence Tesseract's word confidence, scaled to 0..1
 * @param symbols    the word's characters in reading order
 */
public record OcrWord(String text, double confidence, List<OcrSymbol> symbols) {

    public OcrWord {
        symbols = List.copyOf(symbols);
    }
}
