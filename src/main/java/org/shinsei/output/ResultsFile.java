package org.shinsei.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.shinsei.support.OwnerOnly;

/**
 * Writes {@code results.jsonl}: one record per line, in envelope then page order, replaced atomically. The batch
 * folder and the file hold personal data and are created readable by the owner only.
 */
public final class ResultsFile {

    public static final String NAME = "results.jsonl";

    private ResultsFile() {
    }

    public static Path write(Path batchDir, List<FormRecord> records) throws IOException {
        OwnerOnly.createDirectories(batchDir);
        OwnerOnly.restrict(batchDir);
        Path target = batchDir.resolve(NAME);
        Path tmp = batchDir.resolve(NAME + ".tmp");
        Files.deleteIfExists(tmp);
        OwnerOnly.createFile(tmp);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (FormRecord r : records) {
                w.write(RecordJson.write(r));
                w.write('\n');
            }
        }
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
