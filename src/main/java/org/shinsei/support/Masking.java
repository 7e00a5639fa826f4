package org.shinsei.support;

/** Masks personal data before it reaches a log line or an exception message. */
public final class Masking {

    private Masking() {
    }

    /** An application ID or phone number shown by its last 4 characters only: {@code ****************…0123}. */
    public static String lastFour(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= 4) {
            return "*".repeat(value.length());
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }
}
