package org.shinsei.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks personal data before it reaches a log line or an exception message. */
public final class Masking {

    /** Quoted text: what a parser found in the input ("For input string: \"…\"", "instead got '…'"). */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|«[^»]*»|「[^」]*」");
    /** Seven or more digits, possibly grouped by hyphens, spaces or dots: a phone number, an ID, a postcode. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d(?:[-. ]?\\d){6,}");
    /** Any run of characters outside printable ASCII: Japanese names and addresses, accented names. */
    private static final Pattern NON_ASCII = Pattern.compile("[^\\x20-\\x7E]+");

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

    /**
     * A message that did not come from us (a library's, an exception's) made safe for a log line or a record:
     * quoted text becomes {@code '…'}, numbers of seven digits or more keep their last four, and text outside
     * printable ASCII (Japanese names and addresses) becomes {@code …}. What it cannot see is a name written in
     * Latin letters outside quotes, so our own messages never put one there.
     */
    public static String scrub(String message) {
        if (message == null) {
            return null;
        }
        String s = QUOTED.matcher(message).replaceAll("'…'");
        Matcher m = LONG_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(lastFour(m.group().replaceAll("[-. ]", ""))));
        }
        m.appendTail(out);
        return NON_ASCII.matcher(out).replaceAll("…");
    }

    /**
     * The throwable as it may be logged: the same class names and stack frames (so a fault can still be found),
     * every message in the cause chain {@link #scrub scrubbed}. Log {@code Masking.redacted(e)}, never {@code e},
     * for an exception that may have come from reading an envelope.
     */
    public static Throwable redacted(Throwable e) {
        return redacted(e, 0);
    }

    private static Throwable redacted(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return null;
        }
        Redacted r = new Redacted(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage())),
                redacted(e.getCause() == e ? null : e.getCause(), depth + 1));
        r.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            Throwable rs = redacted(s, depth + 1);
            if (rs != null) {
                r.addSuppressed(rs);
            }
        }
        return r;
    }

    /** Stands in for a logged exception; its message starts with the original class name. */
    static final class Redacted extends RuntimeException {
        Redacted(String message, Throwable cause) {
            super(message, cause, true, true);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
