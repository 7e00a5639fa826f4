package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.shinsei.decision.ReasonCode;
import org.shinsei.output.FormRecord;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeOpener;
import org.shinsei.scan.ScanPage;
import org.shinsei.scan.ScanProperties;
import org.shinsei.scan.UnreadableEnvelopeException;
import org.shinsei.support.PageRef;

/**
 * An envelope whose analysis never ends (a decoder or Tesseract stuck in native code, which ignores interrupts)
 * gets its record at the envelope timeout, and the worker's next envelope runs on a fresh thread.
 */
class EnvelopeDeadlineTest {

    /** Spins, ignoring interrupts, on "hang*" envelopes until released; refuses all others at once. */
    private static final class StuckOpener extends EnvelopeOpener {
        final AtomicBoolean release = new AtomicBoolean();
        volatile String lastThread;

        StuckOpener(ScanProperties props) {
            super(props);
        }

        @Override
        public List<ScanPage> open(Path file, PageRef ref) throws UnreadableEnvelopeException {
            lastThread = Thread.currentThread().getName();
            if (file.getFileName().toString().startsWith("hang")) {
                while (!release.get()) {
                    Thread.onSpinWait();
                }
            }
            throw new UnreadableEnvelopeException("refused for the test");
        }
    }

    private static Envelope envelope(String name) {
        return new Envelope("b", name, Path.of("/nonexistent").resolve(name), "00");
    }

    @Test
    void aStuckEnvelopeGetsItsRecordAtTheTimeoutAndTheNextRunsOnAFreshThread() throws Exception {
        StuckOpener opener = new StuckOpener(ScanProperties.defaults().withEnvelopeTimeout(Duration.ofSeconds(1)));
        EnvelopeAnalyzer analyzer = new EnvelopeAnalyzer(opener, null, null, new StageTimings(), LocalDate.of(2026, 11, 28));
        try {
            EnvelopeResult first = analyzer.process(envelope("quick-1.pdf"));
            String firstThread = opener.lastThread;

            EnvelopeResult stuck = analyzer.process(envelope("hang.pdf"));
            assertThat(stuck.millis()).as("ms").isBetween(1000L, 3000L);
            FormRecord r = stuck.records().get(0);
            assertThat(r.reasons()).singleElement().satisfies(x -> {
                assertThat(x.code()).isEqualTo(ReasonCode.INPUT_UNREADABLE);
                assertThat(x.detail()).contains("shinsei.scan.envelope-timeout=1s");
            });

            EnvelopeResult next = analyzer.process(envelope("quick-2.pdf"));
            assertThat(next.records().get(0).reasons().get(0).detail()).isEqualTo("refused for the test");
            assertThat(opener.lastThread).as("the next envelope's thread").isNotEqualTo(firstThread);
            assertThat(first.records()).hasSize(1);
        } finally {
            opener.release.set(true);
        }
    }
}
