package org.shinsei.photo;

/**
 * An allowed range for one measurement, with a review margin: a value outside the range by no more than
 * {@code reviewMargin} is "near the limit" (a person looks) rather than a clear breach. A null bound is open.
 *
 * @param min          lowest allowed value, or null
 * @param max          highest allowed value, or null
 * @param reviewMargin how far outside the range still counts as near the limit (same unit as the bounds)
 */
public record Band(Double min, Double max, double reviewMargin) {

    /** Where a measured value falls. */
    public enum Verdict { WITHIN, NEAR, OUTSIDE }

    public Band {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("band min " + min + " > max " + max);
        }
        if (reviewMargin < 0) {
            throw new IllegalArgumentException("review margin must not be negative: " + reviewMargin);
        }
    }

    public static Band between(double min, double max, double reviewMargin) {
        return new Band(min, max, reviewMargin);
    }

    public static Band atLeast(double min, double reviewMargin) {
        return new Band(min, null, reviewMargin);
    }

    public static Band atMost(double max, double reviewMargin) {
        return new Band(null, max, reviewMargin);
    }

    public Verdict judge(double value) {
        double excess = Math.max(min == null ? 0 : min - value, max == null ? 0 : value - max);
        if (excess <= 0) {
            return Verdict.WITHIN;
        }
        return excess <= reviewMargin ? Verdict.NEAR : Verdict.OUTSIDE;
    }

    @Override
    public String toString() {
        return "[" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]±" + reviewMargin;
    }
}
