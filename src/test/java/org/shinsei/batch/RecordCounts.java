package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordJson;

/**
 * Counting records by envelope and page, for the tests that prove "nothing lost, nothing doubled" (crash recovery,
 * distributed runs): every expected record exactly once, nothing else.
 */
final class RecordCounts {

    private RecordCounts() {
    }

    /** The key of a record: envelope file name and page ("-" for an envelope-level record), as OrdinaryBatch names them. */
    static String key(FormRecord r) {
        return r.envelope() + "#" + (r.page() == null ? "-" : r.page());
    }

    /** Records per key in a results.jsonl file. */
    static Map<String, Integer> countResults(Path resultsJsonl) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(resultsJsonl, StandardCharsets.UTF_8)) {
            counts.merge(key(RecordJson.read(line)), 1, Integer::sum);   // every line must be a record
        }
        return counts;
    }

    /** Records per key among the lines that hold a record as JSON (other lines are skipped). */
    static Map<String, Integer> countJsonLines(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                counts.merge(key(RecordJson.read(line)), 1, Integer::sum);
            }
        }
        return counts;
    }

    static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every expected key exactly once in {@code counts}, and no other key. */
    static void assertExactlyOnce(String where, Map<String, Integer> counts, List<String> expectedKeys) {
        List<String> wrong = new ArrayList<>();
        for (String k : expectedKeys) {
            if (counts.getOrDefault(k, 0) != 1) {
                wrong.add(k + " ×" + counts.getOrDefault(k, 0));
            }
        }
        counts.keySet().stream().filter(k -> !expectedKeys.contains(k)).forEach(k -> wrong.add(k + " (unexpected)"));
        assertThat(wrong).as("records not exactly once in " + where).isEmpty();
        assertThat(total(counts)).as("records in " + where).isEqualTo(expectedKeys.size());
    }
}
