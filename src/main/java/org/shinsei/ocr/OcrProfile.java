package org.shinsei.ocr;

import java.util.Map;
import java.util.TreeMap;

/**
 * How one kind of text is read: the traineddata language, the page-segmentation mode and the Tesseract
 * variables (e.g. {@code tessedit_char_whitelist}). An engine is initialised once per profile and thread, so
 * two stages with different whitelists never see each other's variables.
 *
 * @param language     traineddata name, e.g. {@code eng}
 * @param pageSegMode  Tesseract PSM, e.g. 7 for a single text line
 * @param variables    Tesseract variables set once at initialisation
 */
public record OcrProfile(String language, int pageSegMode, Map<String, String> variables) {

    /** PSM 7: the image is one line of text. */
    public static final int PSM_SINGLE_LINE = 7;

    public OcrProfile {
        variables = Map.copyOf(new TreeMap<>(variables));
    }

    /**
     * One printed line of decimal digits. The space is whitelisted too: without it the LSTM recogniser drops
     * the gaps between digit groups and the grouping can no longer be checked.
     */
    public static OcrProfile digitLine(String language) {
        return new OcrProfile(language, PSM_SINGLE_LINE, Map.of("tessedit_char_whitelist", "0123456789 "));
    }
}
