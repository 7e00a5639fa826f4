package org.shinsei.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads {@code layout.yml} (the project's copy of the contract, in {@code config/}) into a {@link FormLayout}. */
public final class LayoutLoader {

    private LayoutLoader() {
    }

    public static FormLayout load(Path yaml) throws IOException {
        try (InputStream in = Files.newInputStream(yaml)) {
            return parse(new YAMLMapper().readTree(in));
        }
    }

    /**
     * The layout in {@code config/layout.yml} below the installation ({@code SHINSEI_HOME}, set by the
     * {@code shinsei} script), else below the working directory (the project root in tests).
     */
    public static FormLayout loadDefault() {
        try {
            return load(home().resolve("config").resolve("layout.yml"));
        } catch (IOException e) {
            throw new IllegalStateException("config/layout.yml cannot be read: " + e.getMessage(), e);
        }
    }

    /** The installation folder: system property {@code shinsei.home}, else {@code SHINSEI_HOME}, else ".". */
    public static Path home() {
        String home = System.getProperty("shinsei.home", System.getenv("SHINSEI_HOME"));
        return Path.of(home == null || home.isBlank() ? "." : home);
    }

    static FormLayout parse(JsonNode root) {
        JsonNode f = root.required("fiducials");
        FormLayout.Fiducials fiducials = new FormLayout.Fiducials(
                rect(f.required("top_left").required("rect")),
                rect(f.required("top_right").required("rect")),
                rect(f.required("bottom_left").required("rect")),
                rect(f.required("bottom_right").required("rect")));
        JsonNode id = root.required("application_id");
        JsonNode digits = id.required("digits");

        Map<String, MmRect> preprinted = new LinkedHashMap<>();
        root.required("preprinted").properties().forEach(e -> preprinted.put(e.getKey(), rect(e.getValue().required("rect"))));

        JsonNode hw = root.required("handwritten");
        JsonNode date = hw.required("application_date");
        Map<String, MmRect> checkboxes = new LinkedHashMap<>();
        hw.required("checkboxes").properties().forEach(e -> checkboxes.put(e.getKey(), rect(e.getValue().required("box"))));

        JsonNode green = root.required("colours").required("dropout_green");
        return new FormLayout(
                root.required("version").asInt(),
                root.required("page").required("width").asDouble(),
                root.required("page").required("height").asDouble(),
                fiducials,
                rect(digits.required("rect")),
                point(digits.required("origin")),
                digits.required("size_mm").asDouble(),
                rect(id.required("qr").required("rect")),
                preprinted,
                rect(root.required("photo_box").required("rect")),
                boxes(hw.required("phone").required("boxes")),
                boxes(date.required("year").required("boxes")),
                boxes(date.required("month").required("boxes")),
                boxes(date.required("day").required("boxes")),
                rect(hw.required("signature").required("rect")),
                checkboxes,
                rect(root.required("notes").required("rect")),
                root.required("colours").required("line_width_mm").asDouble(),
                new int[] {green.get(0).asInt(), green.get(1).asInt(), green.get(2).asInt()});
    }

    private static MmRect rect(JsonNode n) {
        List<Double> v = new ArrayList<>();
        n.forEach(x -> v.add(x.asDouble()));
        return MmRect.of(v);
    }

    private static MmPoint point(JsonNode n) {
        return new MmPoint(n.get(0).asDouble(), n.get(1).asDouble());
    }

    /** A row of equal boxes: {origin: [x, y], count: n, box: [w, h], gap: g}. */
    private static List<MmRect> boxes(JsonNode n) {
        MmPoint origin = point(n.required("origin"));
        int count = n.required("count").asInt();
        double w = n.required("box").get(0).asDouble();
        double h = n.required("box").get(1).asDouble();
        double gap = n.required("gap").asDouble();
        List<MmRect> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new MmRect(origin.x() + i * (w + gap), origin.y(), w, h));
        }
        return List.copyOf(out);
    }
}
