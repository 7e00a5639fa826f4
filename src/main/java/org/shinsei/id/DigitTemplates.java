package org.shinsei.id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Mean images of the ten printed digits ({@link DigitPatch} grids), one set per font, and the normalised
 * cross-correlation of a scanned cell with each. Built by the project, not downloaded: the resource
 * {@value #RESOURCE} is written by {@code DigitTemplatesBuilder} (tests) from digits rendered in fonts of Debian
 * packages and degraded like scans, and a test checks that it is still what the builder makes.
 */
final class DigitTemplates {

    static final String RESOURCE = "printed-digit-templates.txt";

    private static final int N = DigitPatch.WIDTH * DigitPatch.HEIGHT;

    /** [font][digit] zero-mean, unit-norm */
    private final double[][][] templates;
    private final List<String> fonts;

    DigitTemplates(List<String> fonts, double[][][] raw) {
        this.fonts = List.copyOf(fonts);
        this.templates = new double[raw.length][10][];
        for (int f = 0; f < raw.length; f++) {
            for (int d = 0; d < 10; d++) {
                templates[f][d] = normalised(raw[f][d]);
            }
        }
    }

    List<String> fonts() {
        return fonts;
    }

    static DigitTemplates load() {
        try (InputStream in = DigitTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines {@code <font> <digit> <v1> ... <v384>} (0..255, row by row); '#' starts a comment line. */
    static DigitTemplates parse(String text) {
        List<String> fonts = new ArrayList<>();
        List<double[][]> raw = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.trim().split("\\s+");
                if (t.length != 2 + N) {
                    throw new IllegalStateException(RESOURCE + ": a line of " + t.length + " fields, want " + (2 + N));
                }
                int f = fonts.indexOf(t[0]);
                if (f < 0) {
                    fonts.add(t[0]);
                    raw.add(new double[10][]);
                    f = fonts.size() - 1;
                }
                double[] v = new double[N];
                for (int i = 0; i < N; i++) {
                    v[i] = Integer.parseInt(t[2 + i]);
                }
                raw.get(f)[Integer.parseInt(t[1])] = v;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int f = 0; f < fonts.size(); f++) {
            for (int d = 0; d < 10; d++) {
                if (raw.get(f)[d] == null) {
                    throw new IllegalStateException(RESOURCE + ": font " + fonts.get(f) + " lacks digit " + d);
                }
            }
        }
        if (fonts.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " holds no templates");
        }
        return new DigitTemplates(fonts, raw.toArray(double[][][]::new));
    }

    /**
     * For each digit, its best normalised cross-correlation (-1..1) with the cell over the fonts and the nine
     * placements of the template within the sampled grid's border.
     *
     * @param sampled a {@link DigitPatch#sample} grid
     */
    double[] scores(double[] sampled) {
        double[] best = new double[10];
        java.util.Arrays.fill(best, -1);
        int sw = DigitPatch.SAMPLED_WIDTH;
        for (int dy = 0; dy <= 2 * DigitPatch.BORDER; dy++) {
            for (int dx = 0; dx <= 2 * DigitPatch.BORDER; dx++) {
                double sum = 0;
                double sq = 0;
                for (int j = 0; j < DigitPatch.HEIGHT; j++) {
                    int row = (j + dy) * sw + dx;
                    for (int i = 0; i < DigitPatch.WIDTH; i++) {
                        double v = sampled[row + i];
                        sum += v;
                        sq += v * v;
                    }
                }
                double var = sq - sum * sum / N;
                if (var <= 1e-6) {
                    continue;   // a blank window correlates with nothing
                }
                double norm = StrictMath.sqrt(var);
                for (double[][] font : templates) {
                    for (int d = 0; d < 10; d++) {
                        double[] t = font[d];
                        double dot = 0;
                        for (int j = 0; j < DigitPatch.HEIGHT; j++) {
                            int row = (j + dy) * sw + dx;
                            int trow = j * DigitPatch.WIDTH;
                            for (int i = 0; i < DigitPatch.WIDTH; i++) {
                                dot += t[trow + i] * sampled[row + i];
                            }
                        }
                        // the template sums to zero, so the window's mean drops out of the numerator
                        best[d] = Math.max(best[d], dot / norm);
                    }
                }
            }
        }
        return best;
    }

    private static double[] normalised(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double sq = 0;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - mean;
            sq += out[i] * out[i];
        }
        double norm = StrictMath.sqrt(sq);
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : out[i] / norm;
        }
        return out;
    }
}
