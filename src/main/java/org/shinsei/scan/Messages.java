package org.shinsei.scan;

/** Library messages shortened for a record: they describe file structure, never the envelope's contents. */
final class Messages {

    private static final int MAX = 120;

    private Messages() {
    }

    static String brief(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() <= MAX ? m : m.substring(0, MAX) + "…";
    }
}
