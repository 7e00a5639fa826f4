package org.shinsei.scan;

/** Checks of {@link ScanProperties} that name the limit in the refusal, so that an operator knows what to raise. */
final class ScanLimits {

    private final ScanProperties props;

    ScanLimits(ScanProperties props) {
        this.props = props;
    }

    int renderDpi() {
        return props.renderDpi();
    }

    long maxFileBytes() {
        return props.maxFileBytes();
    }

    void checkFileSize(long bytes) throws UnreadableEnvelopeException {
        if (bytes > props.maxFileBytes()) {
            throw new UnreadableEnvelopeException("file of " + bytes + " bytes is over the limit shinsei.scan.max-file-bytes="
                    + props.maxFileBytes());
        }
    }

    void checkPages(int pages) throws UnreadableEnvelopeException {
        if (pages > props.maxPages()) {
            throw new UnreadableEnvelopeException(pages + " pages is over the limit shinsei.scan.max-pages=" + props.maxPages());
        }
    }

    void checkPixels(int pageNo, long width, long height) throws UnreadableEnvelopeException {
        if (width <= 0 || height <= 0) {
            throw new UnreadableEnvelopeException("page " + pageNo + " has no pixels (" + width + "×" + height + ")");
        }
        if (width * height > props.maxPixelsPerPage()) {
            throw new UnreadableEnvelopeException("page " + pageNo + " of " + width + "×" + height
                    + " pixels is over the limit shinsei.scan.max-pixels-per-page=" + props.maxPixelsPerPage());
        }
    }
}
