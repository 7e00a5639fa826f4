package org.shinsei.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.RecordAssembler;
import org.shinsei.output.FormRecord;
import org.shinsei.registration.PageAnalysis;
import org.shinsei.registration.PageKind;
import org.shinsei.registration.PageRegistrar;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeOpener;
import org.shinsei.scan.ScanPage;
import org.shinsei.scan.UnreadableEnvelopeException;
import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The analyze step's processor: one envelope in, its records out. Opens the file, classifies and registers
 * every page, inspects each form page, and makes sure the envelope yields at least one record whatever happens:
 * unreadable → INPUT_UNREADABLE, no form → FORM_NOT_FOUND, forms beside other papers → EXTRA_ENCLOSURE.
 */
public class EnvelopeAnalyzer implements ItemProcessor<Envelope, EnvelopeResult> {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeAnalyzer.class);

    private final EnvelopeOpener opener;
    private final PageRegistrar registrar;
    private final FormInspector inspector;
    private final StageTimings timings;
    private final LocalDate batchDate;

    public EnvelopeAnalyzer(EnvelopeOpener opener, PageRegistrar registrar, FormInspector inspector,
                            StageTimings timings, LocalDate batchDate) {
        this.opener = opener;
        this.registrar = registrar;
        this.inspector = inspector;
        this.timings = timings;
        this.batchDate = batchDate;
    }

    @Override
    public EnvelopeResult process(Envelope envelope) {
        long t0 = System.nanoTime();
        long c0 = StageTimings.cpuNow();
        PageRef ref = PageRef.envelope(envelope.name());
        List<FormRecord> records;
        try {
            records = analyse(envelope, ref);
        } catch (RuntimeException e) {
            // A fault in our own code or a native library: the envelope still gets a record, the batch goes on.
            log.error("{}: analysis failed: {}", ref, e.getClass().getSimpleName(), e);
            records = List.of(RecordAssembler.envelopeRecord(envelope,
                    Reason.of(ReasonCode.INPUT_UNREADABLE, "analysis failed: " + e.getClass().getSimpleName())));
        }
        long nanos = System.nanoTime() - t0;
        timings.record("envelope", nanos, StageTimings.cpuNow() - c0);
        long millis = nanos / 1_000_000;
        log.info("{}: {} → {} ({} ms)", ref, records.size() == 1 ? "1 record" : records.size() + " records",
                summary(records), millis);
        return new EnvelopeResult(envelope, records, millis);
    }

    private List<FormRecord> analyse(Envelope envelope, PageRef ref) {
        if (envelope.sha256() == null) {
            return List.of(RecordAssembler.envelopeRecord(envelope,
                    Reason.of(ReasonCode.INPUT_UNREADABLE, "the file could not be read")));
        }
        List<ScanPage> pages;
        long t0 = System.nanoTime();
        long c0 = StageTimings.cpuNow();
        try {
            pages = opener.open(envelope.path(), ref);
        } catch (UnreadableEnvelopeException e) {
            log.warn("{}: unreadable: {}", ref, e.getMessage());
            return List.of(RecordAssembler.envelopeRecord(envelope, Reason.of(ReasonCode.INPUT_UNREADABLE, e.getMessage())));
        } finally {
            timings.record("ingest", System.nanoTime() - t0, StageTimings.cpuNow() - c0);
        }
        List<PageAnalysis> analyses = new ArrayList<>();
        try {
            for (ScanPage page : pages) {
                analyses.add(register(page, ref.page(page.pageNo())));
            }
            return records(envelope, ref, analyses);
        } finally {
            analyses.stream().filter(a -> a.page() != null).forEach(a -> a.page().close());
            pages.forEach(ScanPage::close);
        }
    }

    private PageAnalysis register(ScanPage page, PageRef ref) {
        long t0 = System.nanoTime();
        long c0 = StageTimings.cpuNow();
        try {
            return registrar.analyse(page, ref);
        } catch (RuntimeException e) {
            log.error("{}: registration failed: {}", ref, e.getClass().getSimpleName(), e);
            return new PageAnalysis(page.pageNo(), PageKind.OTHER, null,
                    "registration failed: " + e.getClass().getSimpleName());
        } finally {
            timings.record("registration", System.nanoTime() - t0, StageTimings.cpuNow() - c0);
        }
    }

    private List<FormRecord> records(Envelope envelope, PageRef ref, List<PageAnalysis> analyses) {
        List<PageAnalysis> forms = analyses.stream().filter(a -> a.kind() == PageKind.FORM).toList();
        long others = analyses.stream().filter(a -> a.kind() == PageKind.OTHER).count();
        if (forms.isEmpty()) {
            String detail = analyses.isEmpty() ? "no pages"
                    : analyses.size() + " page(s): " + kinds(analyses);
            return List.of(RecordAssembler.envelopeRecord(envelope, Reason.of(ReasonCode.FORM_NOT_FOUND, detail)));
        }
        List<FormRecord> out = new ArrayList<>();
        for (PageAnalysis form : forms) {
            FormRecord record = inspector.inspect(envelope, form.page(), ref.page(form.pageNo()), batchDate);
            if (others > 0) {
                record = record.with(Reason.of(ReasonCode.EXTRA_ENCLOSURE, others + " other page(s) in the envelope"));
            }
            out.add(record);
        }
        return out;
    }

    private static String kinds(List<PageAnalysis> analyses) {
        Map<PageKind, Long> counts = analyses.stream()
                .collect(Collectors.groupingBy(PageAnalysis::kind, TreeMap::new, Collectors.counting()));
        return counts.toString();
    }

    private static String summary(List<FormRecord> records) {
        return records.stream()
                .map(r -> (r.page() == null ? "" : "p" + r.page() + " ") + r.outcome()
                        + (r.reasons().isEmpty() ? "" : " " + r.reasons().stream().map(x -> x.code().name()).toList()))
                .collect(Collectors.joining(", "));
    }
}
