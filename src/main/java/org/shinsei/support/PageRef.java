package org.shinsei.support;

/**
 * Where a log line or a failure belongs: the envelope's file name (relative to the batch folder) and the
 * 1-based page, or no page. Every log line about an envelope starts with {@link #toString()}.
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
        return page == null ? envelope : envelope + " p" + page;
    }
}
