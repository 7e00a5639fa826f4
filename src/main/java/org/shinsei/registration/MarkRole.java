package org.shinsei.registration;

/** The four registration marks of the form. */
enum MarkRole {
    TOP_LEFT(true), TOP_RIGHT(true), BOTTOM_LEFT(true), BOTTOM_RIGHT(false);

    private final boolean finder;

    MarkRole(boolean finder) {
        this.finder = finder;
    }

    /** A nested-square finder; else the plain square. */
    boolean finder() {
        return finder;
    }
}
