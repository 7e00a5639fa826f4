package org.shinsei.support;

/**
 * Where a log line or a failure belongs: the envelope's file name (relative to the batch folder) and the
 * 1-based page, or no page. Every log line about an envelope starts with {@link #toString()}, in which control
 * characters of a hostile file name (a newline, an escape sequence, a right-to-left override) are shown as
 * {@code \}{@code uXXXX}, so that a file name cannot forge or hide log lines.
 */
public record PageRef(String envelope, Integer page) {

    public static PageRef envelope(String envelope) {
        return new PageRef(envelope, null);
    }

    public PageRef page(int page) {
        return new PageRef(envelope, page);
    }

    @Override
    public String toString() {
        String name = printable(envelope);
        return page == null ? name : name + " p" + page;
    }

    /** {@code s} with control and bidi-formatting characters escaped. */
    public static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            if (unsafe && out == null) {
                out = new StringBuilder(s.substring(0, i));
            }
            if (out != null) {
                out.append(unsafe ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }
}
