package org.shinsei.form;

/** A point on the printed page, in millimetres from the top-left corner. */
public record MmPoint(double x, double y) {
}
