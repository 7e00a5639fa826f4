package org.shinsei.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes {@code results.jsonl}: one record per line, in envelope then page order, replaced atomically. */
public final class ResultsFile {

    public static final String NAME = "results.jsonl";

    private ResultsFile() {
    }

    public static Path write(Path batchDir, List<FormRecord> records) throws IOException {
        Files.createDirectories(batchDir);
        Path target = batchDir.resolve(NAME);
        Path tmp = batchDir.resolve(NAME + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (FormRecord r : records) {
                w.write(RecordJson.write(r));
                w.write('\n');
            }
        }
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
