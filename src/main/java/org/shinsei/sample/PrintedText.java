package org.shinsei.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.shinsei.form.MmRect;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The printed words of the form (title, labels, captions, notes) from {@code layout.yml}. {@code FormLayout}
 * carries only the geometry the pipeline needs; the generator reads the words from the same contract file so that
 * they cannot drift apart. A text origin is the left end of its baseline.
 *
 * @param items      every printed label and caption
 * @param labelCells the black-framed label cells of the pre-printed rows (label at the left of each value cell)
 * @param values     where each pre-printed value goes: key → origin and size
 */
public record PrintedText(List<Item> items, List<MmRect> labelCells, java.util.Map<String, Item> values) {

    /** Labels without a stated size in layout.yml are printed at this em size. */
    static final double LABEL_SIZE_MM = 3.5;
    /** Space between the left edge of a label cell and its text. */
    static final double LABEL_INSET_MM = 2;

    public record Item(String text, FontFace face, double sizeMm, double x, double y) {
    }

    public static PrintedText load(Path layoutYaml) {
        try (InputStream in = Files.newInputStream(layoutYaml)) {
            return parse(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(layoutYaml + " cannot be read", e);
        }
    }

    public static PrintedText loadDefault() {
        return load(Path.of("config", "layout.yml"));
    }

    static PrintedText parse(JsonNode root) {
        List<Item> items = new ArrayList<>();
        items.add(item(root.required("title"), "text", FontFace.GOTHIC));
        items.add(item(root.required("application_id").required("label"), "text", FontFace.GOTHIC));

        List<MmRect> cells = new ArrayList<>();
        java.util.Map<String, Item> values = new java.util.LinkedHashMap<>();
        root.required("preprinted").properties().forEach(e -> {
            JsonNode n = e.getValue();
            double[] lo = xy(n.required("label_origin"));
            double[] r = xy4(n.required("rect"));
            items.add(new Item(n.required("label").asString(), FontFace.GOTHIC, LABEL_SIZE_MM, lo[0], lo[1]));
            double cellX = lo[0] - LABEL_INSET_MM;
            cells.add(new MmRect(cellX, r[1], r[0] - cellX, r[3]));
            double[] o = xy(n.required("origin"));
            values.put(e.getKey(), new Item("", FontFace.MINCHO, n.required("size_mm").asDouble(), o[0], o[1]));
        });

        JsonNode photo = root.required("photo_box");
        items.add(item(photo.required("caption"), "text", FontFace.GOTHIC));

        JsonNode hw = root.required("handwritten");
        items.add(item(hw.required("section_title"), "text", FontFace.GOTHIC));
        items.add(item(hw.required("phone").required("label"), "text", FontFace.GOTHIC));
        JsonNode date = hw.required("application_date");
        items.add(item(date.required("label"), "text", FontFace.GOTHIC));
        items.add(item(date.required("era"), "text", FontFace.GOTHIC));
        for (String part : List.of("year", "month", "day")) {
            items.add(item(date.required(part).required("suffix"), "text", FontFace.GOTHIC));
        }
        items.add(item(hw.required("signature").required("label"), "text", FontFace.GOTHIC));
        hw.required("checkboxes").properties()
                .forEach(e -> items.add(item(e.getValue().required("label"), "text", FontFace.GOTHIC)));

        JsonNode notes = root.required("notes");
        double[] nr = xy4(notes.required("rect"));
        double size = notes.required("size_mm").asDouble();
        double y = nr[1] + NOTES_FIRST_BASELINE_MM;
        for (JsonNode line : notes.required("lines")) {
            items.add(new Item(line.asString(), FontFace.GOTHIC, size, nr[0] + NOTES_INSET_MM, y));
            y += NOTES_LINE_PITCH_MM;
        }
        return new PrintedText(List.copyOf(items), List.copyOf(cells), values);
    }

    static final double NOTES_INSET_MM = 3;
    static final double NOTES_FIRST_BASELINE_MM = 4.5;
    static final double NOTES_LINE_PITCH_MM = 5.4;

    private static Item item(JsonNode n, String textKey, FontFace face) {
        double[] o = xy(n.required("origin"));
        double size = n.has("size_mm") ? n.get("size_mm").asDouble() : LABEL_SIZE_MM;
        return new Item(n.required(textKey).asString(), face, size, o[0], o[1]);
    }

    private static double[] xy(JsonNode n) {
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
    }

    private static double[] xy4(JsonNode n) {
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble(), n.get(3).asDouble()};
    }
}
