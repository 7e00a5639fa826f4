package org.shinsei.scan;

/**
 * The file cannot be opened or decoded (corrupt, encrypted, not an image, over a limit). An expected fault:
 * the pipeline turns it into an {@code INPUT_UNREADABLE} record. The message is short, says what is wrong
 * and never carries personal data.
 */
public class UnreadableEnvelopeException extends Exception {

    public UnreadableEnvelopeException(String message) {
        super(message);
    }

    public UnreadableEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
