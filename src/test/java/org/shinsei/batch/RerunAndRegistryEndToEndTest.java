package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shinsei.batch.InProcessRuns.results;
import static org.shinsei.batch.InProcessRuns.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.cli.ShinseiCli;
import org.shinsei.decision.Outcome;
import org.shinsei.decision.ReasonCode;
import org.shinsei.output.FormRecord;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * End to end, in-process, on envelopes of the committed sample batch: the registry cases of issue 3 (ID_UNKNOWN,
 * FORM_DATA_CHANGED, DUPLICATE_APPLICATION across two batches) and the rerun cases of issue 6 (a finished batch
 * run again publishes nothing; a batch whose folder grew processes only the new envelopes, and a published record
 * is never changed by them; an envelope in two batches is flagged in the second and both records are on the
 * queues once each).
 */
@ExtendWith(OutputCaptureExtension.class)
class RerunAndRegistryEndToEndTest {

    private static final Path SAMPLES = Path.of("sample-scans");
    private static final String ACCEPTED = "env-01-accepted-300dpi-colour.pdf";
    private static final String UNKNOWN = "env-12-id-unknown.pdf";
    private static final String CHANGED = "env-13-data-changed.jpg";
    private static final String LATE = "env-27-accepted-scribbled-signature.jpg";
    private static final String AGAIN = "env-01-sent-again-next-day.pdf";
    private static final String EARLY = "env-00-env-01-sent-twice.pdf";

    @Test
    void registryCasesRerunsAndAnEnvelopeInTwoBatches(@TempDir Path tmp, CapturedOutput output) throws IOException {
        // given: batch A holds an accepted form, an unknown ID and a form whose data changed; batch B the accepted
        // form's envelope again
        System.setProperty("shinsei.data-dir", tmp.resolve("data").toString());
        Path out = tmp.resolve("out");
        Path a = copy(tmp.resolve("a"), ACCEPTED, UNKNOWN, CHANGED);
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.copy(SAMPLES.resolve(ACCEPTED), b.resolve(AGAIN));
        Files.copy(SAMPLES.resolve("registry.csv"), b.resolve("registry.csv"));
        try {
            // when
            String first = run(output, a, "20261128", out);

            // then: the registry cases, each with its outcome and the applicant's message
            Map<String, FormRecord> batchA = results(out, "20261128");
            assertThat(batchA.keySet()).containsExactly(ACCEPTED, UNKNOWN, CHANGED);
            assertThat(batchA.get(ACCEPTED).outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(codes(batchA.get(UNKNOWN))).isEqualTo("ID_UNKNOWN");
            assertThat(batchA.get(UNKNOWN).outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(codes(batchA.get(CHANGED))).isEqualTo("FORM_DATA_CHANGED");
            assertThat(batchA.get(CHANGED).outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(batchA.get(CHANGED).reasons().get(0).message()).contains("新しい交付申請書を請求してください");
            assertThat(first).contains("publish: 3 record(s) sent to the output queue");

            // when: the finished batch is run again, unchanged
            String rerun = run(output, a, "20261128", out);
            // then: nothing analysed, nothing published
            assertThat(rerun).contains("3 envelope file(s) in the folder, 0 new in batch 20261128")
                    .contains("publish: 0 record(s) sent to the output queue (nothing new")
                    .contains("this run     0 envelope(s) analysed");

            // when: two envelopes are added to the finished batch's folder, one of them the accepted form again
            // under a name that sorts first
            Files.copy(SAMPLES.resolve(LATE), a.resolve(LATE));
            Files.copy(SAMPLES.resolve(ACCEPTED), a.resolve(EARLY));
            String grown = run(output, a, "20261128", out);
            // then: only they are analysed and published; the new copy is the duplicate, the published record
            // stays as it went out
            assertThat(grown).contains("5 envelope file(s) in the folder, 2 new in batch 20261128")
                    .contains(LATE + ": 1 record").contains(EARLY + ": 1 record")
                    .doesNotContain(ACCEPTED + ": ").doesNotContain(UNKNOWN + ": ").doesNotContain(CHANGED + ": ")
                    .contains("publish: 2 record(s) sent to the output queue")
                    .contains("this run     2 envelope(s) analysed");
            Map<String, FormRecord> grownA = results(out, "20261128");
            assertThat(grownA).hasSize(5);
            assertThat(codes(grownA.get(EARLY))).isEqualTo("DUPLICATE_APPLICATION");
            assertThat(grownA.get(ACCEPTED).outcome()).isEqualTo(Outcome.ACCEPTED);

            // when: the next day's batch holds the accepted envelope again
            run(output, b, "20261129", out);
            // then: a duplicate of an application accepted in an earlier batch
            FormRecord again = results(out, "20261129").get(AGAIN);
            assertThat(codes(again)).isEqualTo("DUPLICATE_APPLICATION");
            assertThat(again.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(again.applicationId()).isEqualTo(batchA.get(ACCEPTED).applicationId());
            assertThat(results(out, "20261128").get(ACCEPTED).has(ReasonCode.DUPLICATE_APPLICATION))
                    .as("the first batch's record stays accepted").isFalse();

            // then: every record on its outcome's queue exactly once, both records of the application included
            int before = output.getAll().length();
            assertThat(ShinseiCli.run(new String[] {"queue", "browse"})).isZero();
            Map<String, Integer> messages = new TreeMap<>();
            for (String line : output.getAll().substring(before).split("\n")) {
                if (line.startsWith("shinsei.")) {
                    String[] f = line.split("  ");
                    messages.merge(f[0] + " " + f[1] + " " + f[2] + " " + f[4], 1, Integer::sum);
                }
            }
            System.out.println("rerun test: messages on the queues: " + messages);
            assertThat(messages).isEqualTo(new TreeMap<>(Map.of(
                    "shinsei.accepted 20261128 " + ACCEPTED + " ACCEPTED", 1,
                    "shinsei.rejected 20261128 " + UNKNOWN + " REJECTED", 1,
                    "shinsei.rejected 20261128 " + CHANGED + " REJECTED", 1,
                    "shinsei.accepted 20261128 " + LATE + " ACCEPTED", 1,
                    "shinsei.review 20261128 " + EARLY + " REVIEW", 1,
                    "shinsei.review 20261129 " + AGAIN + " REVIEW", 1)));
        } finally {
            System.clearProperty("shinsei.data-dir");
        }
    }

    private static Path copy(Path dir, String... envelopes) throws IOException {
        Files.createDirectories(dir);
        for (String e : envelopes) {
            Files.copy(SAMPLES.resolve(e), dir.resolve(e));
        }
        Files.copy(SAMPLES.resolve("registry.csv"), dir.resolve("registry.csv"));
        return dir;
    }

    private static String codes(FormRecord r) {
        return r.reasons().stream().map(x -> x.code().name()).sorted().collect(Collectors.joining(";"));
    }
}
