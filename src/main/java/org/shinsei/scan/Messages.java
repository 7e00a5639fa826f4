package org.shinsei.scan;

import org.shinsei.support.Masking;

/**
 * Library messages shortened for a record. They describe file structure, but a parser may quote what it found in
 * the file (a token, a string), which could be a name or a number: {@link Masking#scrub} takes those out.
 */
final class Messages {

    private static final int MAX = 120;

    private Messages() {
    }

    static String brief(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = Masking.scrub(m.replaceAll("\\s+", " ").strip());
        return m.length() <= MAX ? m : m.substring(0, MAX) + "…";
    }
}
