package org.shinsei.output;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.shinsei.decision.Outcome;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.photo.Band;
import org.shinsei.photo.PhotoProperties;
import org.shinsei.support.Masking;

/**
 * What the reviewers' report shows, built once from H2 and rendered three ways (HTML, PDF, CSV): the summary
 * (records by outcome and by reason, the batch's runs and timings) and every REJECTED and REVIEW record with its
 * reasons, its crops and the photo framing to draw.
 */
public record ReportModel(String batchId, String folder, LocalDateTime generatedAt, int total,
                          Map<Outcome, Long> byOutcome, List<ReasonCount> reasons,
                          List<BatchHistory.Execution> executions, long envelopes, double meanEnvelopeMs,
                          List<Item> items) {

    /** How many records carry a reason code. */
    public record ReasonCount(String code, String severity, String message, long count) {
    }

    /**
     * One non-accepted record.
     *
     * @param anchor    HTML id
     * @param codes     its reason codes, space separated (the HTML filter reads them)
     * @param shownId   the application ID, masked unless configured otherwise; "—" when none was read
     * @param figure    the photo with its framing, or null when the page had no photo crop
     * @param crops     the other crops (fields that need a look, the photo area when no print was found)
     */
    public record Item(String anchor, String envelope, Integer page, String envelopeSha256, Outcome outcome,
                       String shownId, List<Reason> reasons, String codes, FormRecord.Photo photo,
                       PhotoFigure figure, List<Crop> crops, String measurements) {

        public String pageLabel() {
            return page == null ? "(封筒)" : "p" + page;
        }

        public String firstCode() {
            return reasons.isEmpty() ? "" : reasons.get(0).code().name();
        }
    }

    /**
     * The upright print and the framing measured on it, in millimetres from its top-left corner (the drawing's
     * units): crown and chin lines, the face mesh's pupils and chin point, the face centre and the print's centre
     * line, and the bands the rules allow.
     * Numbers are pre-formatted (Locale.ROOT) for the SVG.
     */
    public record PhotoFigure(Crop crop, double widthMm, double heightMm, Double crownMm, Double chinMm,
                              Double faceCentreXMm, double centreXMm, double[] crownBand, double[] chinBand,
                              double[] centreBand, FormRecord.Landmarks points) {

        public String f(Double v) {
            return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
        }

        public String viewBox() {
            return "0 0 " + f(widthMm) + " " + f(heightMm);
        }
    }

    public static ReportModel build(String batchId, String folder, List<FormRecord> records,
                                    Map<String, List<Crop>> crops, List<BatchHistory.Execution> executions,
                                    long[] analysis, PhotoProperties photoRules, boolean maskIds) {
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, 0L);
        }
        records.forEach(r -> byOutcome.merge(r.outcome(), 1L, Long::sum));
        Map<ReasonCode, Long> counts = records.stream().flatMap(r -> r.reasons().stream().map(Reason::code).distinct())
                .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
        List<ReasonCount> reasonCounts = counts.entrySet().stream()
                .sorted(Map.Entry.<ReasonCode, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new ReasonCount(e.getKey().name(), e.getKey().severity().name(), e.getKey().message(), e.getValue()))
                .toList();
        List<Item> items = new ArrayList<>();
        for (FormRecord r : records) {
            if (r.outcome() == Outcome.ACCEPTED) {
                continue;
            }
            List<Crop> own = crops.getOrDefault(r.envelope() + "#" + RecordStore.pageKey(r), List.of());
            Crop photoCrop = own.stream().filter(c -> c.kind().equals("photo")).findFirst().orElse(null);
            List<Crop> others = own.stream().filter(c -> c != photoCrop).toList();
            String shown = r.applicationId() == null ? "—" : maskIds ? Masking.lastFour(r.applicationId()) : r.applicationId();
            items.add(new Item("r" + (items.size() + 1), r.envelope(), r.page(), r.envelopeSha256(), r.outcome(), shown,
                    r.reasons(), r.reasons().stream().map(x -> x.code().name()).distinct().collect(Collectors.joining(" ")),
                    r.photo(), photoCrop == null ? null : figure(photoCrop, r.photo(), photoRules.framing()), others,
                    measurements(r.photo())));
        }
        double mean = analysis[1] == 0 ? 0 : (double) analysis[0] / analysis[1];
        return new ReportModel(batchId, folder, LocalDateTime.now().withNano(0), records.size(), byOutcome, reasonCounts,
                executions, analysis[1], mean, items);
    }

    private static PhotoFigure figure(Crop crop, FormRecord.Photo p, PhotoProperties.Framing rules) {
        double w = crop.widthMm();
        double h = crop.heightMm();
        Double crown = p == null ? null : p.topMarginMm();
        Double chin = crown == null || p.faceHeightMm() == null ? null : crown + p.faceHeightMm();
        Double face = p == null || p.centreOffsetMm() == null ? null : w / 2 + p.centreOffsetMm();
        return new PhotoFigure(crop, w, h, crown, chin, face, w / 2,
                band(rules.topMarginMm(), 0),
                crown == null ? null : band(rules.crownToChinMm(), crown),
                band(rules.centreOffsetMm(), w / 2), p == null ? null : p.landmarksMm());
    }

    private static double[] band(Band b, double offset) {
        if (b == null || b.min() == null || b.max() == null) {
            return null;
        }
        return new double[] {offset + b.min(), offset + b.max()};
    }

    static String measurements(FormRecord.Photo p) {
        if (p == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (p.widthMm() != null) {
            parts.add(String.format(Locale.ROOT, "写真 縦%.1f×横%.1f mm", p.heightMm(), p.widthMm()));
        }
        if (p.faceHeightMm() != null) {
            parts.add(String.format(Locale.ROOT, "頭頂〜あご %.1f mm", p.faceHeightMm()));
        }
        if (p.topMarginMm() != null) {
            parts.add(String.format(Locale.ROOT, "上余白 %.1f mm", p.topMarginMm()));
        }
        if (p.centreOffsetMm() != null) {
            parts.add(String.format(Locale.ROOT, "中心ずれ %+.1f mm", p.centreOffsetMm()));
        }
        if (p.rollDeg() != null) {
            parts.add(String.format(Locale.ROOT, "傾き %+.1f°", p.rollDeg()));
        }
        if (p.faces() != null) {
            parts.add("顔 " + p.faces());
        }
        return String.join(" / ", parts);
    }

    /** The items in envelope then page order (as built) — the default order of every rendering. */
    public List<Item> itemsInOrder() {
        return items.stream().sorted(Comparator.comparing(Item::envelope)
                .thenComparing(i -> i.page() == null ? 0 : i.page())).toList();
    }

    public long count(String outcome) {
        return byOutcome.getOrDefault(Outcome.valueOf(outcome), 0L);
    }
}
