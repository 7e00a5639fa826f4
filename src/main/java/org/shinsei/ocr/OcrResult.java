package org.shinsei.ocr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What Tesseract read in one image.
 *
 * @param words    the words in reading order (empty when nothing was recognised)
 * @param timedOut true when recognition was cancelled at the deadline: the words are then incomplete
 * @param millis   wall time of the recognition
 */
public record OcrResult(List<OcrWord> words, boolean timedOut, long millis) {

    public OcrResult {
        words = List.copyOf(words);
    }

    /** The words joined by single spaces. */
    public String text() {
        return words.stream().map(OcrWord::text).collect(Collectors.joining(" "));
    }

    /** All symbols of all words, in reading order. */
    public List<OcrSymbol> symbols() {
        return words.stream().flatMap(w -> w.symbols().stream()).toList();
    }
}
