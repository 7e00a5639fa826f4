package org.shinsei.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.MmPoint;

/**
 * Finds the form's fiducials and fits the page transform: finder search on the reduced copy, the triangle that
 * fits the layout, then each mark (and the plain bottom-right square, as a check and a fourth point) refined at
 * full resolution.
 */
final class FiducialLocator {

    /** How far a refined finder may be from its search position, mm (the search copy has ~0.25 mm pixels). */
    private static final double FINDER_SEARCH_SLACK_MM = 1.0;

    /**
     * The fit and how it was obtained.
     *
     * @param marks       how many of the four marks were measured at full resolution (a finder that could not be,
     *                    e.g. because the image edge cuts it, keeps its coarse search position)
     * @param residualMm  largest distance of a mark from the fitted transform (0 with exactly three)
     * @param squareFound whether the bottom-right square was where the finders put it
     */
    record Located(PageTransform transform, int marks, double residualMm, boolean squareFound) {
    }

    private final Fiducials fiducials;
    private final RegistrationProperties props;

    FiducialLocator(Fiducials fiducials, RegistrationProperties props) {
        this.fiducials = fiducials;
        this.props = props;
    }

    Optional<Located> locate(Mat fullGrey, SearchImage search) {
        Optional<FinderTriangle> triangle = triangle(search);
        if (triangle.isEmpty()) {
            return Optional.empty();
        }
        FinderTriangle t = triangle.get();
        double pxPerMm = t.pxPerMm() * search.meanScale();
        List<MmPoint> mm = new ArrayList<>(4);
        List<double[]> px = new ArrayList<>(4);
        FinderCandidate[] finders = {t.topLeft(), t.topRight(), t.bottomLeft()};
        MmPoint[] finderMm = {fiducials.topLeft(), fiducials.topRight(), fiducials.bottomLeft()};
        double[][] coarse = new double[3][];
        int refined = 0;
        for (int i = 0; i < 3; i++) {
            coarse[i] = search.toFull(finders[i].x(), finders[i].y());
            Optional<double[]> fine = MarkRefiner.refine(fullGrey, coarse[i], fiducials.finderSideMm() * pxPerMm,
                    FINDER_SEARCH_SLACK_MM * pxPerMm);
            if (fine.isPresent()) {
                refined++;
            }
            mm.add(finderMm[i]);
            px.add(fine.orElse(coarse[i]));
        }
        PageTransform threePoint = AffineFit.fit(mm, px);
        Optional<double[]> square = MarkRefiner.refine(fullGrey, threePoint.toPixel(fiducials.bottomRight()),
                fiducials.squareSideMm() * pxPerMm, props.fourthMarkToleranceMm() * pxPerMm);
        if (square.isPresent()) {
            mm.add(fiducials.bottomRight());
            px.add(square.get());
            refined++;
        }
        PageTransform fit = AffineFit.fit(mm, px);
        double residualMm = AffineFit.maxResidual(fit, mm, px) / pxPerMm;
        return Optional.of(new Located(fit, refined, residualMm, square.isPresent()));
    }

    private Optional<FinderTriangle> triangle(SearchImage search) {
        double scale = search.meanScale();
        double minPxPerMm = props.minDpi() / 25.4 / scale;
        double maxPxPerMm = props.maxDpi() / 25.4 / scale;
        double finder = fiducials.finderSideMm();
        Mat ink = new Mat();
        try {
            Imgproc.threshold(search.grey(), ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
            List<FinderCandidate> candidates = FinderDetector.find(ink,
                    finder * minPxPerMm * (1 - props.markSizeTolerance()), finder * maxPxPerMm * (1 + props.markSizeTolerance()));
            return FinderTriangle.best(candidates, fiducials, props, minPxPerMm, maxPxPerMm);
        } finally {
            ink.release();
        }
    }
}
