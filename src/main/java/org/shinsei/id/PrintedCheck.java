package org.shinsei.id;

/** How the printed digits were established, recorded so that a reviewer and the audit replay can see it. */
public enum PrintedCheck {
    /**
     * The fast path: each printed digit was compared with the QR code's digit at its place
     * ({@link PrintedIdVerifier}) and all 23 matched clearly; the printed digits are the QR's ID. Tesseract did not run.
     */
    MATCHED_QR,
    /** Tesseract read the line (no QR ID to compare with, fast path off, or any doubt in the comparison). */
    OCR
}
