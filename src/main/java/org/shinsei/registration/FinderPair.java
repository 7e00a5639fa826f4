package org.shinsei.registration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opencv.core.Mat;

/**
 * The fallback when only two finders are on the image (a skewed or shifted page on an exact-A4 capture cuts a
 * corner off): two finder candidates whose spacing and size fit two finder roles, the plain bottom-right square
 * where those two put it, and the third finder's predicted place off (or at) the image edge — if it were well
 * inside, it would have been found, so the hypothesis would be wrong. Two points give a similarity transform
 * (rotation, uniform scale, shift), enough to predict where the other marks are.
 */
final class FinderPair {

    private static final MarkRole[][] ROLE_PAIRS = {
            {MarkRole.TOP_LEFT, MarkRole.TOP_RIGHT}, {MarkRole.TOP_RIGHT, MarkRole.TOP_LEFT},
            {MarkRole.TOP_LEFT, MarkRole.BOTTOM_LEFT}, {MarkRole.BOTTOM_LEFT, MarkRole.TOP_LEFT},
            {MarkRole.TOP_RIGHT, MarkRole.BOTTOM_LEFT}, {MarkRole.BOTTOM_LEFT, MarkRole.TOP_RIGHT}};

    private FinderPair() {
    }

    static Optional<CoarseMarks> best(List<FinderCandidate> candidates, Fiducials fiducials, RegistrationProperties p,
                                      double minPxPerMm, double maxPxPerMm, Mat searchGrey) {
        List<FinderCandidate> cs = FinderTriangle.bounded(candidates);
        CoarseMarks best = null;
        for (FinderCandidate a : cs) {
            for (FinderCandidate b : cs) {
                if (a == b) {
                    continue;
                }
                for (MarkRole[] roles : ROLE_PAIRS) {
                    CoarseMarks m = hypothesis(a, b, roles[0], roles[1], fiducials, p, minPxPerMm, maxPxPerMm, searchGrey);
                    if (m != null && (best == null || m.score() < best.score())) {
                        best = m;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static CoarseMarks hypothesis(FinderCandidate a, FinderCandidate b, MarkRole ra, MarkRole rb,
                                          Fiducials f, RegistrationProperties p, double minPxPerMm, double maxPxPerMm,
                                          Mat searchGrey) {
        double mx = f.centre(rb).x() - f.centre(ra).x();
        double my = f.centre(rb).y() - f.centre(ra).y();
        double px = b.x() - a.x();
        double py = b.y() - a.y();
        double pxPerMm = Math.hypot(px, py) / Math.hypot(mx, my);
        if (pxPerMm < minPxPerMm || pxPerMm > maxPxPerMm) {
            return null;
        }
        double expectedSide = f.finderSideMm() * pxPerMm;
        double sizeError = Math.max(Math.abs(a.side() / expectedSide - 1), Math.abs(b.side() / expectedSide - 1));
        if (sizeError > p.markSizeTolerance()) {
            return null;
        }
        // Similarity as a complex factor z = (pb - pa) / (mb - ma): page mm offsets → pixel offsets.
        double d = mx * mx + my * my;
        double zr = (px * mx + py * my) / d;
        double zi = (py * mx - px * my) / d;
        MarkRole missing = missingFinder(ra, rb);
        double[] missingAt = predict(a, ra, missing, f, zr, zi);
        double half = expectedSide / 2;
        if (missingAt[0] - half > 0 && missingAt[1] - half > 0
                && missingAt[0] + half < searchGrey.cols() - 1 && missingAt[1] + half < searchGrey.rows() - 1) {
            return null;
        }
        double[] squareAt = predict(a, ra, MarkRole.BOTTOM_RIGHT, f, zr, zi);
        double tolerance = p.fourthMarkToleranceMm() * pxPerMm;
        Optional<double[]> square = MarkRefiner.refine(searchGrey, squareAt, f.squareSideMm() * pxPerMm, tolerance);
        if (square.isEmpty()) {
            return null;
        }
        double offset = Math.hypot(square.get()[0] - squareAt[0], square.get()[1] - squareAt[1]) / tolerance;
        Map<MarkRole, double[]> marks = new EnumMap<>(MarkRole.class);
        marks.put(ra, new double[] {a.x(), a.y()});
        marks.put(rb, new double[] {b.x(), b.y()});
        marks.put(MarkRole.BOTTOM_RIGHT, square.get());
        return new CoarseMarks(marks, pxPerMm, sizeError / p.markSizeTolerance() + offset,
                "two finders and the square (" + missing + " off the image)");
    }

    private static MarkRole missingFinder(MarkRole ra, MarkRole rb) {
        for (MarkRole r : MarkRole.values()) {
            if (r.finder() && r != ra && r != rb) {
                return r;
            }
        }
        throw new IllegalStateException("two finder roles leave one");
    }

    private static double[] predict(FinderCandidate a, MarkRole ra, MarkRole target, Fiducials f, double zr, double zi) {
        double dx = f.centre(target).x() - f.centre(ra).x();
        double dy = f.centre(target).y() - f.centre(ra).y();
        return new double[] {a.x() + zr * dx - zi * dy, a.y() + zi * dx + zr * dy};
    }
}
