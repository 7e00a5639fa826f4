package org.shinsei.ocr;

/**
 * Tesseract cannot be used on this machine (library or traineddata missing). Thrown at start-up by the
 * self-test, so that a broken installation stops the run before the first envelope, with a message that
 * says what to install.
 */
public class OcrUnavailableException extends RuntimeException {

    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
