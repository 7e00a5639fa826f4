package org.shinsei.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A report file is written beside its target and moved over it, so a reader never sees half a file. */
final class ReportFiles {

    private ReportFiles() {
    }

    static Path replace(Path tmp, Path target) throws IOException {
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
