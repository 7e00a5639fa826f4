package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shinsei.batch.InProcessRuns.results;
import static org.shinsei.batch.InProcessRuns.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.decision.Outcome;
import org.shinsei.decision.ReasonCode;
import org.shinsei.output.FormRecord;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 22, end to end on envelopes of the committed sample batch: a second form for an ID whose first form awaits a
 * person (REVIEW) is a DUPLICATE_APPLICATION in the same batch, again on a rerun, and in a later batch; the first form's
 * record is never changed by it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DuplicatesAwaitingReviewEndToEndTest {

    private static final Path SAMPLES = Path.of("sample-scans");
    private static final String IN_REVIEW = "env-20-checkbox-ambiguous.pdf";
    private static final String SECOND = "env-28-duplicate-of-env-20-in-review.pdf";
    private static final String LATE = "env-27-accepted-scribbled-signature.jpg";
    private static final String NEXT_DAY = "env-01-env-20-sent-again-next-day.pdf";

    @Test
    void aSecondFormIsADuplicateWhileTheFirstAwaitsAPerson(@TempDir Path tmp, CapturedOutput output) throws IOException {
        // given: batch A holds the form that goes to REVIEW and, later in file-name order, a clean copy of it;
        // batch B (the next day) holds the clean copy alone, under a name that sorts first
        System.setProperty("shinsei.data-dir", tmp.resolve("data").toString());
        Path out = tmp.resolve("out");
        Path a = folder(tmp.resolve("a"), Map.of(IN_REVIEW, IN_REVIEW, SECOND, SECOND));
        Path b = folder(tmp.resolve("b"), Map.of(SECOND, NEXT_DAY));
        try {
            // when
            run(output, a, "20261128", out);
            // then: the original stays as it was decided; the clean second form awaits a person as a duplicate
            Map<String, FormRecord> batchA = results(out, "20261128");
            FormRecord original = batchA.get(IN_REVIEW);
            assertThat(original.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(original.has(ReasonCode.DUPLICATE_APPLICATION)).isFalse();
            FormRecord second = batchA.get(SECOND);
            assertThat(second.applicationId()).isEqualTo(original.applicationId());
            assertThat(second.has(ReasonCode.DUPLICATE_APPLICATION)).isTrue();
            assertThat(second.outcome()).as("not ACCEPTED while the original may yet be").isEqualTo(Outcome.REVIEW);

            // when: the finished batch is run again
            String rerun = run(output, a, "20261128", out);
            // then: nothing changes and nothing is published again
            assertThat(rerun).contains("publish: 0 record(s) sent to the output queue");
            assertThat(results(out, "20261128")).isEqualTo(batchA);

            // when: the clean form comes again the next day
            run(output, b, "20261129", out);
            // then: it is a duplicate across batches too, and batch A's records are untouched by it
            FormRecord nextDay = results(out, "20261129").get(NEXT_DAY);
            assertThat(nextDay.applicationId()).isEqualTo(original.applicationId());
            assertThat(nextDay.has(ReasonCode.DUPLICATE_APPLICATION)).isTrue();
            assertThat(nextDay.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(results(out, "20261128")).isEqualTo(batchA);

            // when: batch A's folder grows by one envelope (so its duplicates step runs again), now that batch B
            // holds a flagged form with the same ID
            Files.copy(SAMPLES.resolve(LATE), a.resolve(LATE));
            String grown = run(output, a, "20261128", out);
            assertThat(grown).contains("1 new in batch 20261128");
            // then: a form flagged as a duplicate is nobody's original: the first form is not even considered a
            // duplicate of it (its record, already published, would be kept anyway, with a warning)
            assertThat(grown).doesNotContain(IN_REVIEW + " p1: duplicates");
            assertThat(results(out, "20261128").get(IN_REVIEW).has(ReasonCode.DUPLICATE_APPLICATION)).isFalse();
        } finally {
            System.clearProperty("shinsei.data-dir");
        }
    }

    /** A batch folder with the given sample envelopes under the given names, and the sample registry. */
    private static Path folder(Path dir, Map<String, String> sampleToName) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : sampleToName.entrySet()) {
            Files.copy(SAMPLES.resolve(e.getKey()), dir.resolve(e.getValue()));
        }
        Files.copy(SAMPLES.resolve("registry.csv"), dir.resolve("registry.csv"));
        return dir;
    }
}
