package org.shinsei.sample;

/** What an applicant drew in a 5 × 5 mm checkbox. */
public enum Mark {
    EMPTY,
    TICK,
    CROSS,
    FILL,
    SCRIBBLE,
    /** A faint small dot or a short stroke: neither clearly empty nor clearly marked (SPEC: CHECKBOX_AMBIGUOUS). */
    AMBIGUOUS,
    /**
     * An empty box with stray marks around it: a pen slip that ends on the frame, a dot outside the box. Not a mark
     * (the box is unmarked).
     */
    STRAY;

    public boolean marked() {
        return this == TICK || this == CROSS || this == FILL || this == SCRIBBLE;
    }
}
