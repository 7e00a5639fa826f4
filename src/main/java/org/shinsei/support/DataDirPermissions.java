package org.shinsei.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The data folder ({@code shinsei.data-dir}: the H2 database with the envelopes' records and the registry, the
 * broker's journal with the published records) is made {@code rwx------} at start-up, created so if it is new:
 * the files inside are then out of other users' reach whatever their own modes (the {@code shinsei} script also
 * runs with {@code umask 077}).
 */
@Component
public class DataDirPermissions {

    private static final Logger log = LoggerFactory.getLogger(DataDirPermissions.class);

    public DataDirPermissions(@Value("${shinsei.data-dir}") String dataDir) {
        Path dir = Path.of(dataDir);
        try {
            OwnerOnly.createDirectories(dir);
            if (Files.isDirectory(dir) && !Files.isSymbolicLink(dir)) {
                OwnerOnly.restrict(dir);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not being able to tighten the mode (a file system without owners) must not stop the batch.
            log.warn("data folder {}: cannot restrict it to its owner: {}", dir, e.getClass().getSimpleName());
        }
    }
}
