package org.shinsei.scan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep one hostile or broken envelope from exhausting the worker (defaults in {@code config/scan.yml}).
 * Each size limit is checked from the file's header (PNG IHDR, JPEG SOF, TIFF IFD, PDF image dictionaries) before
 * pixels are decoded.
 *
 * @param maxFileBytes                larger files are refused unread
 * @param maxPages                    more pages than this in one envelope (PDF or TIFF) are refused
 * @param maxPixelsPerPage            a page image (or a PDF page rendered at {@code renderDpi}) above this many pixels
 *                                    is refused
 * @param renderDpi                   resolution at which a PDF page that is not a single scan image is rendered (grey)
 * @param maxDecodedBytesPerEnvelope  the memory budget of one worker for one envelope: the bytes the decoders would
 *                                    allocate for all its pages (width × height × samples × bytes per sample, from
 *                                    the headers); an envelope over it is refused before its first page is decoded
 *                                    beyond the budget
 * @param maxDecompressionRatio       decoded image bytes per byte of file; more means a decompression bomb (pages
 *                                    that PDF renders from vector drawing do not count)
 * @param envelopeTimeout             one envelope's whole analysis (opening, registration, every OCR call); after
 *                                    it the envelope gets an INPUT_UNREADABLE record and the worker goes on with a
 *                                    fresh thread and fresh Tesseract engines
 */
@ConfigurationProperties("shinsei.scan")
public record ScanProperties(long maxFileBytes, int maxPages, long maxPixelsPerPage, int renderDpi,
                             long maxDecodedBytesPerEnvelope, int maxDecompressionRatio, Duration envelopeTimeout) {

    public static final long DEFAULT_MAX_DECODED_BYTES = 400L * 1024 * 1024;
    public static final int DEFAULT_MAX_DECOMPRESSION_RATIO = 1000;
    public static final Duration DEFAULT_ENVELOPE_TIMEOUT = Duration.ofSeconds(120);

    @ConstructorBinding
    public ScanProperties(long maxFileBytes, int maxPages, long maxPixelsPerPage, int renderDpi,
                          @DefaultValue("419430400") long maxDecodedBytesPerEnvelope,
                          @DefaultValue("1000") int maxDecompressionRatio,
                          @DefaultValue("120s") Duration envelopeTimeout) {
        if (maxFileBytes <= 0 || maxPages <= 0 || maxPixelsPerPage <= 0 || renderDpi <= 0
                || maxDecodedBytesPerEnvelope <= 0 || maxDecompressionRatio <= 0
                || envelopeTimeout == null || envelopeTimeout.isNegative() || envelopeTimeout.isZero()) {
            throw new IllegalArgumentException("shinsei.scan limits must be positive: max-file-bytes=" + maxFileBytes
                    + ", max-pages=" + maxPages + ", max-pixels-per-page=" + maxPixelsPerPage + ", render-dpi=" + renderDpi
                    + ", max-decoded-bytes-per-envelope=" + maxDecodedBytesPerEnvelope
                    + ", max-decompression-ratio=" + maxDecompressionRatio + ", envelope-timeout=" + envelopeTimeout);
        }
        this.maxFileBytes = maxFileBytes;
        this.maxPages = maxPages;
        this.maxPixelsPerPage = maxPixelsPerPage;
        this.renderDpi = renderDpi;
        this.maxDecodedBytesPerEnvelope = maxDecodedBytesPerEnvelope;
        this.maxDecompressionRatio = maxDecompressionRatio;
        this.envelopeTimeout = envelopeTimeout;
    }

    /** The first four limits, the others at their defaults. */
    public ScanProperties(long maxFileBytes, int maxPages, long maxPixelsPerPage, int renderDpi) {
        this(maxFileBytes, maxPages, maxPixelsPerPage, renderDpi, DEFAULT_MAX_DECODED_BYTES,
                DEFAULT_MAX_DECOMPRESSION_RATIO, DEFAULT_ENVELOPE_TIMEOUT);
    }

    /** The values of {@code config/scan.yml}: 200 MB, 50 pages, 60 Mpx (A4 at 600 dpi is 35 Mpx), 300 dpi, 400 MB, 1000, 120 s. */
    public static ScanProperties defaults() {
        return new ScanProperties(200L * 1024 * 1024, 50, 60_000_000L, 300);
    }

    public ScanProperties withMaxDecodedBytesPerEnvelope(long bytes) {
        return new ScanProperties(maxFileBytes, maxPages, maxPixelsPerPage, renderDpi, bytes, maxDecompressionRatio,
                envelopeTimeout);
    }

    public ScanProperties withMaxDecompressionRatio(int ratio) {
        return new ScanProperties(maxFileBytes, maxPages, maxPixelsPerPage, renderDpi, maxDecodedBytesPerEnvelope, ratio,
                envelopeTimeout);
    }

    public ScanProperties withEnvelopeTimeout(Duration timeout) {
        return new ScanProperties(maxFileBytes, maxPages, maxPixelsPerPage, renderDpi, maxDecodedBytesPerEnvelope,
                maxDecompressionRatio, timeout);
    }
}
