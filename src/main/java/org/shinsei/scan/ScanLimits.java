package org.shinsei.scan;

import java.time.Duration;

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

    long maxDecodedBytes() {
        return props.maxDecodedBytesPerEnvelope();
    }

    Duration envelopeTimeout() {
        return props.envelopeTimeout();
    }

    void checkFileSize(long bytes) throws UnreadableEnvelopeException {
        if (bytes > props.maxFileBytes()) {
            throw new UnreadableEnvelopeException("file of " + bytes + " bytes is over the limit shinsei.scan.max-file-bytes="
                    + props.maxFileBytes());
        }
    }

    /** How far a page count needs to go to be refused. */
    int maxPagesToCount() {
        return props.maxPages();
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
        if (width > props.maxPixelsPerPage() || height > props.maxPixelsPerPage()
                || width * height > props.maxPixelsPerPage()) {
            throw new UnreadableEnvelopeException("page " + pageNo + " of " + width + "×" + height
                    + " pixels is over the limit shinsei.scan.max-pixels-per-page=" + props.maxPixelsPerPage());
        }
    }

    /** Bytes of a decoded image of whole bytes per sample (8 or 16 bits). */
    static long bytes(long width, long height, int samples, int bitsPerSample) {
        return width * height * Math.max(1, samples) * (bitsPerSample > 8 ? 2 : 1);
    }

    /** A new account of what one envelope of {@code fileBytes} may decode. */
    Budget budget(long fileBytes) {
        return new Budget(Math.max(1, fileBytes));
    }

    /**
     * What one envelope has been allowed to decode so far. Each page is charged, from its header, with the bytes
     * its decoder will allocate, before it is decoded; the total must stay within the memory budget and (for
     * image data, not for vector pages rendered from a PDF) within the decompression ratio of the file's size.
     */
    final class Budget {

        private final long fileBytes;
        private long decoded;
        private long imageDecoded;

        private Budget(long fileBytes) {
            this.fileBytes = fileBytes;
        }

        /**
         * An image stored with {@code samples} samples per pixel of {@code bitsPerSample} bits, about to be decoded
         * into {@code memoryBytes} (all buffers the decode path allocates). The decompression ratio is judged on
         * the stored sample bits, so a bilevel page is not penalised for being decoded to 8-bit grey.
         */
        void chargeImage(int pageNo, long width, long height, int samples, int bitsPerSample, long memoryBytes)
                throws UnreadableEnvelopeException {
            charge(pageNo, memoryBytes);
            imageDecoded += (width * Math.max(1, samples) * Math.max(1, bitsPerSample) + 7) / 8 * height;
            if (imageDecoded / fileBytes >= props.maxDecompressionRatio()) {
                throw new UnreadableEnvelopeException("page " + pageNo + ": " + imageDecoded + " bytes of samples in a file of "
                        + fileBytes + " bytes is over the limit shinsei.scan.max-decompression-ratio="
                        + props.maxDecompressionRatio() + " (a decompression bomb?)");
            }
        }

        /** A page rendered from a PDF's drawing into {@code memoryBytes}; rendering is not decompression. */
        void chargeRendering(int pageNo, long memoryBytes) throws UnreadableEnvelopeException {
            charge(pageNo, memoryBytes);
        }

        private void charge(int pageNo, long bytes) throws UnreadableEnvelopeException {
            decoded += bytes;
            if (decoded > props.maxDecodedBytesPerEnvelope()) {
                throw new UnreadableEnvelopeException("page " + pageNo + ": decoding would take " + mb(decoded)
                        + " MB, over the limit shinsei.scan.max-decoded-bytes-per-envelope="
                        + props.maxDecodedBytesPerEnvelope());
            }
        }


        private static long mb(long bytes) {
            return (bytes + (1 << 20) - 1) >> 20;
        }
    }
}
