package org.shinsei.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Differences between two JSON trees, as {@code path: logged …, replayed …} lines. Numbers are equal within
 * {@value #TOLERANCE} (absolute): the stages are deterministic, so this only absorbs the last bits of a double,
 * never a changed measurement (the record's millimetres are rounded to 0.1).
 */
public final class JsonDiff {

    public static final double TOLERANCE = 1e-6;

    private JsonDiff() {
    }

    public static void diff(String path, JsonNode logged, JsonNode replayed, List<String> out) {
        boolean lNull = logged == null || logged.isNull() || logged.isMissingNode();
        boolean rNull = replayed == null || replayed.isNull() || replayed.isMissingNode();
        if (lNull || rNull) {
            if (lNull != rNull) {
                out.add(path + ": logged " + show(logged) + ", replayed " + show(replayed));
            }
            return;
        }
        if (logged.isNumber() && replayed.isNumber()) {
            if (Math.abs(logged.asDouble() - replayed.asDouble()) > TOLERANCE) {
                out.add(path + ": logged " + logged + ", replayed " + replayed);
            }
            return;
        }
        if (logged.isObject() && replayed.isObject()) {
            Set<String> keys = new LinkedHashSet<>(logged.propertyNames());
            keys.addAll(replayed.propertyNames());
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, logged.get(k), replayed.get(k), out);
            }
            return;
        }
        if (logged.isArray() && replayed.isArray()) {
            if (logged.size() != replayed.size()) {
                out.add(path + ": logged " + logged + ", replayed " + replayed);
                return;
            }
            for (int i = 0; i < logged.size(); i++) {
                diff(path + "[" + i + "]", logged.get(i), replayed.get(i), out);
            }
            return;
        }
        if (!logged.equals(replayed)) {
            out.add(path + ": logged " + show(logged) + ", replayed " + show(replayed));
        }
    }

    private static String show(JsonNode n) {
        return n == null || n.isMissingNode() ? "nothing" : n.toString();
    }
}
