package org.shinsei.registration;

/**
 * What registration found on one scanned page: its kind and, for a form, its geometry.
 *
 * @param page   the registered page (kind FORM only), else null
 * @param detail a short technical note for the record and the log (no personal data), or null
 */
public record PageAnalysis(int pageNo, PageKind kind, RegisteredPage page, String detail) {
}
