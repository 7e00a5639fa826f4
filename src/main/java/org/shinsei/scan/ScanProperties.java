package org.shinsei.scan;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that keep one hostile or broken envelope from exhausting the worker (defaults in {@code config/scan.yml}).
 * Each limit is checked from the file's header before pixels are decoded whenever the format allows it.
 *
 * @param maxFileBytes     larger files are refused unread
 * @param maxPages         more pages than this in one envelope (PDF or TIFF) are refused
 * @param maxPixelsPerPage a page image (or a PDF page rendered at {@code renderDpi}) above this many pixels is refused
 * @param renderDpi        resolution at which a PDF page that is not a single scan image is rendered (grey)
 */
@ConfigurationProperties("shinsei.scan")
public record ScanProperties(long maxFileBytes, int maxPages, long maxPixelsPerPage, int renderDpi) {

    public ScanProperties {
        if (maxFileBytes <= 0 || maxPages <= 0 || maxPixelsPerPage <= 0 || renderDpi <= 0) {
            throw new IllegalArgumentException("shinsei.scan limits must be positive: max-file-bytes=" + maxFileBytes
                    + ", max-pages=" + maxPages + ", max-pixels-per-page=" + maxPixelsPerPage + ", render-dpi=" + renderDpi);
        }
    }

    /** The values of {@code config/scan.yml}: 200 MB, 50 pages, 60 Mpx (A4 at 600 dpi is 35 Mpx), 300 dpi. */
    public static ScanProperties defaults() {
        return new ScanProperties(200L * 1024 * 1024, 50, 60_000_000L, 300);
    }
}
