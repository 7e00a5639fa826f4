package org.shinsei.registration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three finders of one form among the candidates: the triple forming a right angle at TL with
 * |TL→BL| / |TL→TR| = 274/187, and finders of the size the triangle's scale implies. The corner at the right
 * angle is TL; the shorter leg goes to TR and the longer to BL, and TL→TR turned clockwise (y down) must point
 * along TL→BL — so the orientation follows without ambiguity, and a mirrored page matches nothing.
 *
 * @param pxPerMm scale of the search image implied by the triangle
 */
record FinderTriangle(FinderCandidate topLeft, FinderCandidate topRight, FinderCandidate bottomLeft, double pxPerMm,
                      double score) {

    CoarseMarks marks() {
        Map<MarkRole, double[]> m = new EnumMap<>(MarkRole.class);
        m.put(MarkRole.TOP_LEFT, new double[] {topLeft.x(), topLeft.y()});
        m.put(MarkRole.TOP_RIGHT, new double[] {topRight.x(), topRight.y()});
        m.put(MarkRole.BOTTOM_LEFT, new double[] {bottomLeft.x(), bottomLeft.y()});
        return new CoarseMarks(m, pxPerMm, score, "three finders");
    }

    /** Beyond this many candidates the page is a pattern sheet, not a form; keep the search bounded. */
    static final int MAX_CANDIDATES = 40;

    static Optional<FinderTriangle> best(List<FinderCandidate> candidates, Fiducials fiducials,
                                         RegistrationProperties p, double minPxPerMm, double maxPxPerMm) {
        List<FinderCandidate> cs = bounded(candidates);
        double shortMm = fiducials.horizontalSpan();
        double longMm = fiducials.verticalSpan();
        FinderTriangle best = null;
        for (FinderCandidate tl : cs) {
            for (FinderCandidate tr : cs) {
                if (tr == tl) {
                    continue;
                }
                for (FinderCandidate bl : cs) {
                    if (bl == tl || bl == tr) {
                        continue;
                    }
                    FinderTriangle t = score(tl, tr, bl, shortMm, longMm, fiducials.finderSideMm(), p);
                    if (t != null && t.pxPerMm >= minPxPerMm && t.pxPerMm <= maxPxPerMm
                            && (best == null || t.score < best.score)) {
                        best = t;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static List<FinderCandidate> bounded(List<FinderCandidate> candidates) {
        return candidates.size() <= MAX_CANDIDATES ? candidates
                : candidates.stream().sorted((a, b) -> Double.compare(b.side(), a.side())).limit(MAX_CANDIDATES).toList();
    }

    private static FinderTriangle score(FinderCandidate tl, FinderCandidate tr, FinderCandidate bl, double shortMm,
                                        double longMm, double finderMm, RegistrationProperties p) {
        double ux = tr.x() - tl.x();
        double uy = tr.y() - tl.y();
        double vx = bl.x() - tl.x();
        double vy = bl.y() - tl.y();
        double u = Math.hypot(ux, uy);
        double v = Math.hypot(vx, vy);
        if (u == 0 || v == 0 || ux * vy - uy * vx <= 0) {
            return null;
        }
        double ratioError = Math.abs((v / u) / (longMm / shortMm) - 1);
        if (ratioError > p.sideRatioTolerance()) {
            return null;
        }
        double angleError = Math.abs(Math.toDegrees(Math.acos((ux * vx + uy * vy) / (u * v))) - 90);
        if (angleError > p.angleToleranceDeg()) {
            return null;
        }
        double pxPerMm = (u / shortMm + v / longMm) / 2;
        double expectedSide = finderMm * pxPerMm;
        double sizeError = 0;
        for (FinderCandidate c : new FinderCandidate[] {tl, tr, bl}) {
            double e = Math.abs(c.side() / expectedSide - 1);
            if (e > p.markSizeTolerance()) {
                return null;
            }
            sizeError = Math.max(sizeError, e);
        }
        double score = ratioError / p.sideRatioTolerance() + angleError / p.angleToleranceDeg()
                + sizeError / p.markSizeTolerance();
        return new FinderTriangle(tl, tr, bl, pxPerMm, score);
    }
}
