package org.shinsei.scan;

import java.util.ArrayList;
import java.util.List;

/** Collects decoded pages and releases them all if the envelope fails half-way, so no native memory leaks. */
final class PageCollector implements AutoCloseable {

    private final List<ScanPage> pages = new ArrayList<>();
    private boolean handedOver;

    void add(ScanPage page) {
        pages.add(page);
    }

    /** The pages, now owned by the caller. */
    List<ScanPage> handOver() {
        handedOver = true;
        return List.copyOf(pages);
    }

    @Override
    public void close() {
        if (!handedOver) {
            pages.forEach(ScanPage::close);
        }
    }
}
