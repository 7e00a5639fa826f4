package org.shinsei.id;

import java.util.concurrent.atomic.LongAdder;

import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.ocr.TesseractEngines;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.Masking;
import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the 申請書ID from the QR code and the printed digits and cross-checks them ({@link IdCrossCheck}).
 * Both sources are always looked at, so that a disagreement is never missed: when the QR code gives an ID, the
 * printed digits are first compared with it digit by digit ({@link PrintedIdVerifier}, the fast path), and read
 * by Tesseract whenever that comparison leaves any doubt, as they are when there is no QR ID. Thread-safe: each
 * worker thread gets its own Tesseract engine, created on its first page and ended by {@link #close()}.
 */
@Component
public class IdReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdReader.class);

    private final IdProperties props;
    private final TesseractEngines engines;
    private final QrDecoder qr;
    private final PrintedIdReader printed;
    private final LongAdder pages = new LongAdder();
    private final LongAdder matched = new LongAdder();

    /**
     * Builds the stage on {@code config/layout.yml} and runs the Tesseract self-test.
     *
     * @throws org.shinsei.ocr.OcrUnavailableException when Tesseract is not installed
     */
    @Autowired
    public IdReader(IdProperties props) {
        this(props, LayoutLoader.loadDefault());
    }

    public IdReader(IdProperties props, FormLayout layout) {
        this.props = props;
        this.engines = new TesseractEngines(props.tessdata());
        this.qr = new QrDecoder(layout, props);
        this.printed = new PrintedIdReader(layout, props, engines);
        engines.selfTest(printed.profile());
    }

    public IdReading read(RegisteredPage page, PageRef ref) {
        return readDetailed(page, ref).reading();
    }

    /** {@link #read} with the evidence: each source's result and the timings. */
    public IdRead readDetailed(RegisteredPage page, PageRef ref) {
        long start = System.nanoTime();
        QrResult q = qr.decode(page);
        PrintedReading p = printed.read(page, q.payload());
        IdReading reading = IdCrossCheck.decide(q, p, props.printedMinConfidence());
        long millis = (System.nanoTime() - start) / 1_000_000;
        pages.increment();
        if (p.check() == PrintedCheck.MATCHED_QR) {
            matched.increment();
        }
        if (p.timedOut()) {
            log.warn("{} printed-ID OCR cancelled after {}", ref, props.ocrTimeout());
        }
        if (log.isDebugEnabled()) {
            log.debug("{} id {} source {} qr {} via {} printed {} by {} conf {} grouped {} blotted {} whole {} reasons {} ({} ms: qr {}, printed {})",
                    ref, Masking.lastFour(reading.applicationId()), reading.source(), Masking.lastFour(q.payload()),
                    q.via(), Masking.lastFour(p.digits()), p.check(), String.format("%.2f", p.confidence()), p.grouped(), p.blotted(), p.wholeDigits(),
                    reading.reasons().stream().map(r -> r.code().name()).toList(), millis, q.millis(), p.millis());
        }
        return new IdRead(reading, q, p, millis);
    }

    /** Ends every thread's Tesseract engine (Spring calls this at shutdown). */
    @Override
    public void close() {
        if (pages.sum() > 0) {
            log.info("printed IDs matched to the QR code without OCR on {} of {} pages", matched.sum(), pages.sum());
        }
        engines.close();
    }
}
