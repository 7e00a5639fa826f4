package org.shinsei.registration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.MmPoint;

/**
 * Finds the form's registration marks and fits the page transform: finder search on the reduced copy, the
 * marks identified by the layout's geometry (three finders, or two finders and the plain square), then every
 * mark measured at full resolution; the affine is exact through three marks, least-squares through four.
 */
final class FiducialLocator {

    /** How far a measured mark may be from its coarse position, mm (search pixels are ~0.25 mm). */
    private static final double SEARCH_SLACK_MM = 1.0;

    /** What the search concluded. */
    sealed interface Result permits Located, Unmeasurable, Absent {
    }

    /**
     * A form, mapped.
     *
     * @param marks      how many of the four marks were measured (the fit uses all of them)
     * @param residualMm largest distance of a measured mark from the fitted transform (0 with exactly three)
     * @param how        which marks identified the page
     */
    record Located(PageTransform transform, int marks, double residualMm, String how) implements Result {
    }

    /** The marks identify a form, but fewer than three can be measured (cut by the image edge, smudged). */
    record Unmeasurable(String why) implements Result {
    }

    /** No form's marks on the page. */
    record Absent() implements Result {
    }

    private final Fiducials fiducials;
    private final RegistrationProperties props;

    FiducialLocator(Fiducials fiducials, RegistrationProperties props) {
        this.fiducials = fiducials;
        this.props = props;
    }

    Result locate(Mat fullGrey, SearchImage search) {
        Optional<CoarseMarks> coarse = coarse(search);
        if (coarse.isEmpty()) {
            return new Absent();
        }
        double pxPerMm = coarse.get().pxPerMm() * search.meanScale();
        Map<MarkRole, double[]> coarseFull = new EnumMap<>(MarkRole.class);
        coarse.get().positions().forEach((role, at) -> coarseFull.put(role, search.toFull(at[0], at[1])));
        Pairs coarsePairs = pairs(coarseFull);
        PageTransform predicted = AffineFit.fit(coarsePairs.mm(), coarsePairs.px());
        Map<MarkRole, double[]> measured = new EnumMap<>(MarkRole.class);
        for (MarkRole role : MarkRole.values()) {
            double[] found = coarseFull.get(role);
            Optional<double[]> at = found != null
                    ? measure(fullGrey, role, found, SEARCH_SLACK_MM * pxPerMm, pxPerMm)
                    : measure(fullGrey, role, predicted.toPixel(fiducials.centre(role)),
                            props.fourthMarkToleranceMm() * pxPerMm, pxPerMm);
            at.ifPresent(p -> measured.put(role, p));
        }
        if (measured.size() < 3) {
            return new Unmeasurable("form marks found (" + coarse.get().how() + ") but only " + measured.size()
                    + " of 4 measurable: cut by the image edge or damaged");
        }
        Pairs pairs = pairs(measured);
        PageTransform fit = AffineFit.fit(pairs.mm(), pairs.px());
        double residualMm = AffineFit.maxResidual(fit, pairs.mm(), pairs.px()) / pxPerMm;
        return new Located(fit, measured.size(), residualMm, coarse.get().how());
    }

    private Optional<double[]> measure(Mat fullGrey, MarkRole role, double[] guess, double slackPx, double pxPerMm) {
        return MarkRefiner.refine(fullGrey, guess, fiducials.sideMm(role) * pxPerMm, slackPx);
    }

    private record Pairs(List<MmPoint> mm, List<double[]> px) {
    }

    private Pairs pairs(Map<MarkRole, double[]> marks) {
        List<MmPoint> mm = new ArrayList<>();
        List<double[]> px = new ArrayList<>();
        marks.forEach((role, p) -> {
            mm.add(fiducials.centre(role));
            px.add(p);
        });
        return new Pairs(mm, px);
    }

    private Optional<CoarseMarks> coarse(SearchImage search) {
        double scale = search.meanScale();
        double minPxPerMm = props.minDpi() / 25.4 / scale;
        double maxPxPerMm = props.maxDpi() / 25.4 / scale;
        double finder = fiducials.finderSideMm();
        Mat ink = new Mat();
        try {
            Imgproc.threshold(search.grey(), ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
            List<FinderCandidate> candidates = FinderDetector.find(ink,
                    finder * minPxPerMm * (1 - props.markSizeTolerance()), finder * maxPxPerMm * (1 + props.markSizeTolerance()));
            Optional<CoarseMarks> three = FinderTriangle.best(candidates, fiducials, props, minPxPerMm, maxPxPerMm)
                    .map(FinderTriangle::marks);
            return three.isPresent() ? three
                    : FinderPair.best(candidates, fiducials, props, minPxPerMm, maxPxPerMm, search.grey());
        } finally {
            ink.release();
        }
    }
}
