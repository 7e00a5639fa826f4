package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shinsei.decision.Outcome;
import org.shinsei.decision.ReasonCode;
import org.shinsei.output.FormRecord;
import org.shinsei.registration.PageRegistrar;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeOpener;
import org.shinsei.scan.UnreadableEnvelopeException;

/**
 * Issue 6's skip policy: an envelope whose analysis fails — an exception from our code, a native library's
 * linkage error, a stack overflow on a pathological file, an unreadable file — is a record with a reason
 * (INPUT_UNREADABLE, REVIEW), never an item skipped out of the batch.
 */
class EnvelopeAnalyzerFaultTest {

    static Stream<Throwable> faults() {
        return Stream.of(new IllegalStateException("bug"), new UnsatisfiedLinkError("libtesseract"),
                new StackOverflowError(), new NoClassDefFoundError("org/opencv/core/Mat"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aFailingEnvelopeIsARecordWithItsReason(Throwable fault) throws Exception {
        // given
        EnvelopeOpener opener = mock(EnvelopeOpener.class);
        when(opener.envelopeTimeout()).thenReturn(Duration.ofSeconds(30));
        when(opener.open(any(), any())).thenThrow(fault);
        EnvelopeAnalyzer analyzer = new EnvelopeAnalyzer(opener, mock(PageRegistrar.class), mock(FormInspector.class),
                new StageTimings(), LocalDate.of(2026, 11, 28));
        Envelope envelope = new Envelope("20261128", "env-x.pdf", Path.of("env-x.pdf"), "ab".repeat(32));

        // when
        EnvelopeResult result = analyzer.process(envelope);

        // then
        assertThat(result).isNotNull();
        assertThat(result.records()).hasSize(1);
        FormRecord r = result.records().get(0);
        assertThat(r.envelope()).isEqualTo("env-x.pdf");
        assertThat(r.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(r.has(ReasonCode.INPUT_UNREADABLE)).isTrue();
        assertThat(r.reasons().get(0).detail()).isEqualTo("analysis failed: " + fault.getClass().getSimpleName());
    }

    @Test
    void anUnreadableFileIsARecordToo() throws Exception {
        EnvelopeOpener opener = mock(EnvelopeOpener.class);
        when(opener.envelopeTimeout()).thenReturn(Duration.ofSeconds(30));
        when(opener.open(any(), any())).thenThrow(new UnreadableEnvelopeException("truncated PDF"));
        EnvelopeAnalyzer analyzer = new EnvelopeAnalyzer(opener, mock(PageRegistrar.class), mock(FormInspector.class),
                new StageTimings(), LocalDate.of(2026, 11, 28));

        EnvelopeResult result = analyzer.process(new Envelope("20261128", "env-y.pdf", Path.of("env-y.pdf"), "cd".repeat(32)));

        assertThat(result.records()).singleElement().satisfies(r -> {
            assertThat(r.has(ReasonCode.INPUT_UNREADABLE)).isTrue();
            assertThat(r.reasons().get(0).detail()).isEqualTo("truncated PDF");
        });
    }
}
