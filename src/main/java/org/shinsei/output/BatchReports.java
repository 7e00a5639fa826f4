package org.shinsei.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.shinsei.audit.EvidenceStore;
import org.shinsei.photo.PhotoProperties;
import org.shinsei.scan.EnvelopeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reviewers' report of a batch — {@code report.html}, {@code report.pdf}, {@code rejections.csv} under
 * {@code <out>/<batch-id>/} — built from H2 only (records, crops, the job repository), so the report step and
 * {@code shinsei report <batch-id>} write the same files at any later time.
 */
@Component
public class BatchReports {

    private static final Logger log = LoggerFactory.getLogger(BatchReports.class);

    private final RecordStore records;
    private final EvidenceStore evidence;
    private final BatchHistory history;
    private final EnvelopeStore envelopes;
    private final PhotoProperties photoRules;
    private final ReportProperties properties;

    public BatchReports(RecordStore records, EvidenceStore evidence, BatchHistory history, EnvelopeStore envelopes,
                        PhotoProperties photoRules, ReportProperties properties) {
        this.records = records;
        this.evidence = evidence;
        this.history = history;
        this.envelopes = envelopes;
        this.photoRules = photoRules;
        this.properties = properties;
    }

    /** Writes the three files; returns them (html, pdf, csv). */
    public List<Path> write(String batchId, Path batchDir) throws IOException {
        ReportModel model = ReportModel.build(batchId, envelopes.folder(batchId).map(Path::toString).orElse("?"),
                records.records(batchId), evidence.crops(batchId), history.executions(batchId),
                history.analysisMillis(batchId), photoRules, properties.maskIds());
        Files.createDirectories(batchDir);
        Path html = HtmlReport.write(batchDir, model);
        Path pdf = PdfReport.write(batchDir, model, Path.of(properties.pdfFont()));
        Path csv = RejectionsCsv.write(batchDir, model);
        log.info("report: {} non-accepted record(s) of {} in {}, {}, {}", model.items().size(), model.total(),
                html.getFileName(), pdf.getFileName(), csv.getFileName());
        return List.of(html, pdf, csv);
    }
}
