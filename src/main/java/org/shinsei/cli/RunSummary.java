package org.shinsei.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.shinsei.decision.Outcome;
import org.shinsei.decision.Reason;
import org.shinsei.output.FormRecord;

/** The closing summary of {@code run}: records by outcome, top reasons, where the files went, forms per second. */
public record RunSummary(String batchId, String status, List<FormRecord> records, int analysedThisRun,
                         double analyzeSeconds, Path batchDir, Map<String, Double> stageMillis) {

    public String render() {
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, 0L);
        }
        records.forEach(r -> byOutcome.merge(r.outcome(), 1L, Long::sum));
        Map<String, Long> reasons = records.stream().flatMap(r -> r.reasons().stream())
                .collect(Collectors.groupingBy(r -> r.code().name(), TreeMap::new, Collectors.counting()));
        String top = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        StringBuilder s = new StringBuilder();
        s.append("Batch ").append(batchId).append(' ').append(status).append('\n');
        s.append(String.format("  records      %d: %d accepted, %d rejected, %d review%n", records.size(),
                byOutcome.get(Outcome.ACCEPTED), byOutcome.get(Outcome.REJECTED), byOutcome.get(Outcome.REVIEW)));
        s.append("  top reasons  ").append(top.isEmpty() ? "none" : top).append('\n');
        s.append(String.format("  this run     %d envelope(s) analysed in %.1f s (%.1f envelopes/s)%n", analysedThisRun,
                analyzeSeconds, analysedThisRun / Math.max(analyzeSeconds, 1e-3)));
        if (!stageMillis.isEmpty()) {
            s.append("  ms per call  ").append(stageMillis.entrySet().stream()
                    .map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        s.append("  results      ").append(batchDir.resolve("results.jsonl")).append('\n');
        s.append("  report       ").append(batchDir.resolve("report.html")).append(", report.pdf, rejections.csv; audit.jsonl\n");
        s.append("  queues       shinsei.accepted, shinsei.rejected, shinsei.review");
        return s.toString();
    }

    static String reasonsOf(FormRecord r) {
        return r.reasons().stream().map(Reason::code).map(Enum::name).collect(Collectors.joining(";"));
    }
}
