package org.shinsei.registration;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

/**
 * Finds nested-square patterns (black square, white square inside, black square inside that) in a binary image
 * where ink is 255. Works on the contour tree: an ink outline with a hole that holds another ink outline, in
 * roughly the area proportions of a finder (49 : 25 : 9). QR finder patterns pass too; the triangle test that
 * follows rejects them by size and spacing.
 */
final class FinderDetector {

    /** Ideal proportions 25/49 and 9/49, widened for blur, JPEG and thresholding at ~3 px per mm. */
    private static final double MIN_HOLE_RATIO = 0.25;
    private static final double MAX_HOLE_RATIO = 0.80;
    private static final double MIN_CORE_RATIO = 0.05;
    private static final double MAX_CORE_RATIO = 0.40;
    private static final double MAX_CORE_OFFSET = 0.2;

    private FinderDetector() {
    }

    /** @param minSide / maxSide bounds on a candidate's apparent side, search pixels */
    static List<FinderCandidate> find(Mat binaryInk, double minSide, double maxSide) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Imgproc.findContours(binaryInk, contours, hierarchy, Imgproc.RETR_TREE, Imgproc.CHAIN_APPROX_SIMPLE);
            if (contours.isEmpty()) {
                return List.of();
            }
            int[] h = new int[4 * contours.size()];
            hierarchy.get(0, 0, h);
            List<FinderCandidate> out = new ArrayList<>();
            for (int i = 0; i < contours.size(); i++) {
                FinderCandidate c = candidate(contours, h, i, minSide, maxSide);
                if (c != null) {
                    out.add(c);
                }
            }
            return out;
        } finally {
            hierarchy.release();
            contours.forEach(Mat::release);
        }
    }

    private static FinderCandidate candidate(List<MatOfPoint> contours, int[] h, int outer, double minSide, double maxSide) {
        if (h[4 * outer + 2] < 0) {
            return null;
        }
        var box = Imgproc.boundingRect(contours.get(outer));
        if (box.width < minSide * 0.7 || box.height < minSide * 0.7 || box.width > maxSide * 1.5 || box.height > maxSide * 1.5) {
            return null;
        }
        double outerArea = Imgproc.contourArea(contours.get(outer));
        double side = Math.sqrt(outerArea);
        if (side < minSide || side > maxSide) {
            return null;
        }
        int hole = largestChild(contours, h, outer);
        if (hole < 0) {
            return null;
        }
        double holeRatio = Imgproc.contourArea(contours.get(hole)) / outerArea;
        int core = largestChild(contours, h, hole);
        if (holeRatio < MIN_HOLE_RATIO || holeRatio > MAX_HOLE_RATIO || core < 0) {
            return null;
        }
        double coreRatio = Imgproc.contourArea(contours.get(core)) / outerArea;
        if (coreRatio < MIN_CORE_RATIO || coreRatio > MAX_CORE_RATIO || !MarkRefiner.square(contours.get(outer), outerArea)) {
            return null;
        }
        double[] centre = centroid(contours.get(outer));
        double[] coreCentre = centroid(contours.get(core));
        if (Math.hypot(centre[0] - coreCentre[0], centre[1] - coreCentre[1]) > MAX_CORE_OFFSET * side) {
            return null;
        }
        return new FinderCandidate(centre[0], centre[1], side);
    }

    private static int largestChild(List<MatOfPoint> contours, int[] h, int parent) {
        int best = -1;
        double bestArea = 0;
        for (int c = h[4 * parent + 2]; c >= 0; c = h[4 * c]) {
            double a = Imgproc.contourArea(contours.get(c));
            if (a > bestArea) {
                bestArea = a;
                best = c;
            }
        }
        return best;
    }

    static double[] centroid(MatOfPoint contour) {
        Moments m = Imgproc.moments(contour);
        return new double[] {m.m10 / m.m00, m.m01 / m.m00};
    }
}
