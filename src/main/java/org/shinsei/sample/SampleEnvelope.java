package org.shinsei.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One envelope of the sample batch: its file name, what it shows, the records the pipeline must produce for it,
 * and how to write it.
 */
public record SampleEnvelope(String fileName, String description, List<ExpectedRecord> expected, Maker maker) {

    @FunctionalInterface
    public interface Maker {
        void write(Path file) throws IOException;
    }
}
