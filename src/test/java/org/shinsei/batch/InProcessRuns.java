package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.shinsei.cli.ShinseiCli;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordJson;
import org.springframework.boot.test.system.CapturedOutput;

/** {@code shinsei run} in-process for the end-to-end tests, and the records a batch wrote. */
final class InProcessRuns {

    private InProcessRuns() {
    }

    /** Runs the batch (exit 0 expected); returns what this run printed. */
    static String run(CapturedOutput output, Path folder, String batchId, Path out) {
        int before = output.getAll().length();
        int exit = ShinseiCli.run(new String[] {"run", folder.toString(), "--out", out.toString(), "--batch-id", batchId});
        String printed = output.getAll().substring(before);
        assertThat(exit).as("exit status; output:\n" + printed).isZero();
        return printed;
    }

    /** The batch's {@code results.jsonl} by envelope name (one record per envelope in these tests). */
    static Map<String, FormRecord> results(Path out, String batchId) throws IOException {
        Map<String, FormRecord> byEnvelope = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve(batchId).resolve("results.jsonl"), StandardCharsets.UTF_8)) {
            FormRecord r = RecordJson.read(line);
            assertThat(byEnvelope.put(r.envelope(), r)).as("one record per envelope: " + r.envelope()).isNull();
        }
        return byEnvelope;
    }
}
