package org.shinsei.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.shinsei.decision.Reason;

/**
 * {@code rejections.csv}: one row per REJECTED or REVIEW record, UTF-8 with a byte-order mark and CRLF line ends
 * (what Excel in Japan expects), written with Commons CSV.
 */
public final class RejectionsCsv {

    public static final String NAME = "rejections.csv";
    public static final List<String> COLUMNS = List.of("batch", "envelope", "page", "outcome", "application_id",
            "reason_codes", "severities", "messages_ja", "details", "photo_width_mm", "photo_height_mm",
            "face_height_mm", "top_margin_mm", "centre_offset_mm", "roll_deg", "envelope_sha256");

    private RejectionsCsv() {
    }

    public static Path write(Path batchDir, ReportModel model) throws IOException {
        Path tmp = batchDir.resolve(NAME + ".tmp");
        CSVFormat format = CSVFormat.EXCEL.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(w, format)) {
                for (ReportModel.Item i : model.itemsInOrder()) {
                    FormRecord.Photo p = i.photo();
                    csv.printRecord(model.batchId(), i.envelope(), i.page() == null ? "" : i.page(), i.outcome(),
                            i.shownId().equals("—") ? "" : i.shownId(),
                            join(i.reasons(), r -> r.code().name()), join(i.reasons(), r -> r.severity().name()),
                            join(i.reasons(), Reason::message), join(i.reasons(), r -> r.detail() == null ? "" : r.detail()),
                            num(p == null ? null : p.widthMm()), num(p == null ? null : p.heightMm()),
                            num(p == null ? null : p.faceHeightMm()), num(p == null ? null : p.topMarginMm()),
                            num(p == null ? null : p.centreOffsetMm()), num(p == null ? null : p.rollDeg()),
                            i.envelopeSha256() == null ? "" : i.envelopeSha256());
                }
            }
        }
        return ReportFiles.replace(tmp, batchDir.resolve(NAME));
    }

    private static String join(List<Reason> reasons, java.util.function.Function<Reason, String> part) {
        return reasons.stream().map(part).collect(Collectors.joining(";"));
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }
}
