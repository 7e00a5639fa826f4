package org.shinsei.sample;

import java.awt.Color;

import org.shinsei.form.MmRect;

/**
 * A source of hand-written digits. Implementations are deterministic: the same {@code salt} (the renderer passes
 * a stable number per box) draws the same digit the same way, whatever order the boxes are drawn in.
 */
public interface Handwriting {

    /** Writes {@code digit} (0–9) into {@code box} (mm) in {@code ink}. */
    void drawDigit(Canvas canvas, int digit, MmRect box, Color ink, long salt);
}
