package org.shinsei.id;

/** Where the application ID on a record came from. */
public enum IdSource {
    /** QR code and printed digits agree */
    BOTH,
    /** QR code only (printed digits unreadable or not confident) */
    QR,
    /** printed digits only, read with confidence (QR unreadable) */
    PRINTED,
    /** no ID: unreadable or mismatch */
    NONE
}
