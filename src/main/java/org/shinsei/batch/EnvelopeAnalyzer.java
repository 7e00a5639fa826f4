package org.shinsei.batch;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.shinsei.audit.EvidenceCollector;
import org.shinsei.audit.RecordEvidence;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.RecordAssembler;
import org.shinsei.output.FormRecord;
import org.shinsei.registration.PageAnalysis;
import org.shinsei.registration.PageKind;
import org.shinsei.registration.PageRegistrar;
import org.shinsei.scan.BatchFolder;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeOpener;
import org.shinsei.scan.ScanPage;
import org.shinsei.scan.UnreadableEnvelopeException;
import org.shinsei.support.Masking;
import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The analyze step's processor: one envelope in, its records out. Opens the file, classifies and registers
 * every page, inspects each form page, and makes sure the envelope yields at least one record whatever happens:
 * unreadable → INPUT_UNREADABLE, no form → FORM_NOT_FOUND, forms beside other papers → EXTRA_ENCLOSURE.
 *
 * <p>The analysis runs on a runner thread of the calling worker, under {@code shinsei.scan.envelope-timeout}.
 * When it is not done in time (a decoder or Tesseract stuck in native code, where Java cannot interrupt it) the
 * envelope gets an INPUT_UNREADABLE record, the runner thread is abandoned with the Tesseract engines it owns, and
 * the worker's next envelope runs on a fresh thread, which creates fresh engines. Exceptions are logged with their
 * messages scrubbed of personal data ({@link Masking#redacted}).
 */
public class EnvelopeAnalyzer implements ItemProcessor<Envelope, EnvelopeResult> {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeAnalyzer.class);

    private final EnvelopeOpener opener;
    private final PageRegistrar registrar;
    private final FormInspector inspector;
    private final StageTimings timings;
    private final LocalDate batchDate;
    private final Duration timeout;
    /** Each worker thread's runner; replaced after a timeout. */
    private final ThreadLocal<ExecutorService> runners = new ThreadLocal<>();
    private final AtomicInteger runnerNo = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final EvidenceCollector evidence;
    private final boolean crops;

    public EnvelopeAnalyzer(EnvelopeOpener opener, PageRegistrar registrar, FormInspector inspector,
                            StageTimings timings, LocalDate batchDate) {
        this(opener, registrar, inspector, timings, batchDate, null, false);
    }

    /**
     * @param evidence collects each form record's measurements (and, with {@code crops}, the reviewers' crops)
     *                 while its page is open; null collects nothing
     */
    public EnvelopeAnalyzer(EnvelopeOpener opener, PageRegistrar registrar, FormInspector inspector,
                            StageTimings timings, LocalDate batchDate, EvidenceCollector evidence, boolean crops) {
        this.opener = opener;
        this.registrar = registrar;
        this.inspector = inspector;
        this.timings = timings;
        this.batchDate = batchDate;
        this.timeout = opener.envelopeTimeout();
        this.evidence = evidence;
        this.crops = crops;
    }

    @Override
    public EnvelopeResult process(Envelope envelope) throws InterruptedException {
        long t0 = System.nanoTime();
        long c0 = StageTimings.cpuNow();
        PageRef ref = PageRef.envelope(envelope.name());
        List<FormRecord> records;
        List<RecordEvidence> found = new ArrayList<>();
        Future<List<FormRecord>> analysis = runner().submit(() -> analyse(envelope, ref, found));
        List<RecordEvidence> collected = found;
        try {
            records = analysis.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            analysis.cancel(true);
            abandonRunner();
            collected = new ArrayList<>();  // the abandoned thread may still write into `found`
            log.warn("{}: analysis stopped after {} s (shinsei.scan.envelope-timeout); its thread is abandoned "
                    + "({} so far), the next envelope gets a fresh one", ref, timeout.toSeconds(), abandoned.get());
            records = List.of(RecordAssembler.envelopeRecord(envelope, Reason.of(ReasonCode.INPUT_UNREADABLE,
                    "analysis took longer than the limit shinsei.scan.envelope-timeout=" + timeout.toSeconds() + "s")));
        } catch (ExecutionException e) {
            collected = new ArrayList<>();
            // A fault in our own code or a native library: the envelope still gets a record, the batch goes on.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.error("{}: analysis failed: {}", ref, cause.getClass().getSimpleName(), Masking.redacted(cause));
            records = List.of(RecordAssembler.envelopeRecord(envelope,
                    Reason.of(ReasonCode.INPUT_UNREADABLE, "analysis failed: " + cause.getClass().getSimpleName())));
        } catch (InterruptedException e) {
            // The job is being stopped: the envelope stays pending and is analysed when the batch is resumed.
            analysis.cancel(true);
            throw e;
        }
        long nanos = System.nanoTime() - t0;
        timings.record("envelope", nanos, StageTimings.cpuNow() - c0);
        long millis = nanos / 1_000_000;
        log.info("{}: {} → {} ({} ms)", ref, records.size() == 1 ? "1 record" : records.size() + " records",
                summary(records), millis);
        return new EnvelopeResult(envelope, records, millis, collected);
    }

    /** The calling worker's runner: one daemon thread, ended when idle so that a finished step leaves none. */
    private ExecutorService runner() {
        ExecutorService runner = runners.get();
        if (runner == null) {
            String name = Thread.currentThread().getName() + "-envelope-" + runnerNo.incrementAndGet();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            runner = pool;
            runners.set(runner);
        }
        return runner;
    }

    /**
     * Leaves the stuck runner to finish (or not) on its own; it was interrupted, and exits when its task returns.
     * Its Tesseract engines are never used again (they belong to its thread) and are not ended under it.
     */
    private void abandonRunner() {
        ExecutorService runner = runners.get();
        runners.remove();
        abandoned.incrementAndGet();
        if (runner != null) {
            runner.shutdownNow();
        }
    }

    private List<FormRecord> analyse(Envelope envelope, PageRef ref, List<RecordEvidence> collected) {
        if (envelope.sha256() == null) {
            String why = BatchFolder.whyNotAFile(envelope.path());
            log.warn("{}: unreadable: {}", ref, why == null ? "the file could not be read" : why);
            return List.of(RecordAssembler.envelopeRecord(envelope,
                    Reason.of(ReasonCode.INPUT_UNREADABLE, why == null ? "the file could not be read" : why)));
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
            return records(envelope, ref, analyses, collected);
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
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            log.error("{}: registration failed: {}", ref, e.getClass().getSimpleName(), Masking.redacted(e));
            return new PageAnalysis(page.pageNo(), PageKind.OTHER, null,
                    "registration failed: " + e.getClass().getSimpleName());
        } finally {
            timings.record("registration", System.nanoTime() - t0, StageTimings.cpuNow() - c0);
        }
    }

    private List<FormRecord> records(Envelope envelope, PageRef ref, List<PageAnalysis> analyses,
                                     List<RecordEvidence> collected) {
        List<PageAnalysis> forms = analyses.stream().filter(a -> a.kind() == PageKind.FORM).toList();
        long others = analyses.stream().filter(a -> a.kind() == PageKind.OTHER).count();
        if (forms.isEmpty()) {
            String detail = analyses.isEmpty() ? "no pages"
                    : analyses.size() + " page(s): " + kinds(analyses);
            return List.of(RecordAssembler.envelopeRecord(envelope, Reason.of(ReasonCode.FORM_NOT_FOUND, detail)));
        }
        List<FormRecord> out = new ArrayList<>();
        for (PageAnalysis form : forms) {
            FormInspector.Inspection inspection = inspector.examine(envelope, form.page(), ref.page(form.pageNo()), batchDate);
            FormRecord record = inspection.record();
            if (others > 0) {
                record = record.with(Reason.of(ReasonCode.EXTRA_ENCLOSURE, others + " other page(s) in the envelope"));
            }
            out.add(record);
            if (evidence != null) {
                collected.add(collect(record, form, inspection, ref.page(form.pageNo())));
            }
        }
        return out;
    }

    private RecordEvidence collect(FormRecord record, PageAnalysis form, FormInspector.Inspection inspection, PageRef ref) {
        try {
            return evidence.collect(record, form.page(), inspection.id(), inspection.registry(), inspection.photo(),
                    crops);
        } catch (RuntimeException e) {
            // evidence is for the report and the audit: its failure must not cost the record
            log.error("{}: evidence not collected: {}", ref, e.getClass().getSimpleName(), e);
            return new RecordEvidence(form.pageNo(), Map.of("error", e.getClass().getSimpleName()), List.of());
        }
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
