package org.shinsei.fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns an SVM margin into the probability that the digit is right, as measured on digits the model did not
 * see in training: a non-decreasing step function fitted by isotonic regression (pool adjacent violators).
 * A step's probability is shrunk towards one half by half an error ({@code (right + 0.5) / (n + 1)}), so a step
 * with no error seen still admits that one could happen.
 *
 * @param features the {@link DigitFeatures#VERSION} the margins were measured with
 * @param steps    ascending by {@code fromMargin}; the first starts below any margin
 */
public record DigitCalibration(String features, List<Step> steps) {

    /** Margins from {@code fromMargin} up to the next step are right with probability {@code p}; {@code n} measured. */
    public record Step(double fromMargin, double p, int n) {
    }

    /** One held-out observation: the winner's margin and whether the winner was the true digit. */
    public record Observation(double margin, boolean right) {
    }

    private static final int MIN_STEP = 40;
    /** Where the first step starts: below any margin, and unlike infinity it survives YAML. */
    private static final double LOWEST = -1e9;

    public DigitCalibration {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a calibration needs at least one step");
        }
        steps = List.copyOf(steps);
    }

    public double confidence(double margin) {
        double p = steps.get(0).p();
        for (Step s : steps) {
            if (margin >= s.fromMargin()) {
                p = s.p();
            } else {
                break;
            }
        }
        return p;
    }

    public static DigitCalibration fit(String features, List<Observation> observations) {
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingDouble(Observation::margin));
        // Blocks of the pool-adjacent-violators algorithm: first index, count, number right.
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            blocks.add(new int[] {i, 1, sorted.get(i).right() ? 1 : 0});
            mergeViolators(blocks);
        }
        mergeSmall(blocks);
        List<Step> steps = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            int[] block = blocks.get(b);
            double from = b == 0 ? LOWEST : sorted.get(block[0]).margin();
            steps.add(new Step(from, (block[2] + 0.5) / (block[1] + 1.0), block[1]));
        }
        return new DigitCalibration(features, steps);
    }

    private static void mergeViolators(List<int[]> blocks) {
        while (blocks.size() > 1) {
            int[] last = blocks.get(blocks.size() - 1);
            int[] prev = blocks.get(blocks.size() - 2);
            // pool while the lower block is at least as good as the upper one (ties too, or a run of
            // all-right digits would stay as many tiny steps that each claim too little)
            if ((long) prev[2] * last[1] < (long) last[2] * prev[1]) {
                return;
            }
            blocks.remove(blocks.size() - 1);
            prev[1] += last[1];
            prev[2] += last[2];
        }
    }

    /** Steps measured on a handful of digits are noise: merge each into its lower neighbour. */
    private static void mergeSmall(List<int[]> blocks) {
        for (int b = blocks.size() - 1; b > 0; b--) {
            int[] block = blocks.get(b);
            if (block[1] < MIN_STEP) {
                int[] lower = blocks.get(b - 1);
                lower[1] += block[1];
                lower[2] += block[2];
                blocks.remove(b);
            }
        }
    }
}
