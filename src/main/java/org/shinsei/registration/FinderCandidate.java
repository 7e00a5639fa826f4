package org.shinsei.registration;

/** A nested-square pattern found in the search image: its centre and apparent side, in search pixels. */
record FinderCandidate(double x, double y, double side) {

    double distanceTo(FinderCandidate o) {
        return Math.hypot(o.x - x, o.y - y);
    }
}
