package org.shinsei.registration;

import org.shinsei.form.FormLayout;
import org.shinsei.form.MmPoint;

/**
 * The registration marks of the layout in the terms the search needs: the three finder centres, the plain
 * square's centre, and their sizes. A finder is a 7 mm black square holding a 5 mm white one holding a 3 mm
 * black one; only the outer size is in the layout, the nesting proportions are fixed by the contract's comment.
 */
record Fiducials(MmPoint topLeft, MmPoint topRight, MmPoint bottomLeft, MmPoint bottomRight,
                 double finderSideMm, double squareSideMm) {

    /** Side of the white square inside a finder, as a fraction of the finder's side (5/7). */
    static final double HOLE_FRACTION = 5.0 / 7.0;
    /** Side of the black core, as a fraction of the finder's side (3/7). */
    static final double CORE_FRACTION = 3.0 / 7.0;

    static Fiducials of(FormLayout layout) {
        FormLayout.Fiducials f = layout.fiducials();
        return new Fiducials(f.topLeftCentre(), f.topRightCentre(), f.bottomLeftCentre(), f.bottomRightCentre(),
                f.topLeft().width(), f.bottomRight().width());
    }

    MmPoint centre(MarkRole role) {
        return switch (role) {
            case TOP_LEFT -> topLeft;
            case TOP_RIGHT -> topRight;
            case BOTTOM_LEFT -> bottomLeft;
            case BOTTOM_RIGHT -> bottomRight;
        };
    }

    double sideMm(MarkRole role) {
        return role.finder() ? finderSideMm : squareSideMm;
    }

    /** TL→TR, the short side of the triangle (187 mm). */
    double horizontalSpan() {
        return Math.hypot(topRight.x() - topLeft.x(), topRight.y() - topLeft.y());
    }

    /** TL→BL, the long side (274 mm). */
    double verticalSpan() {
        return Math.hypot(bottomLeft.x() - topLeft.x(), bottomLeft.y() - topLeft.y());
    }
}
