package org.shinsei.scan;

import java.nio.file.Path;

/**
 * One file of a batch folder: the scanned contents of one envelope.
 *
 * @param batchId the batch it belongs to
 * @param name    its file name relative to the batch folder (the record's {@code envelope})
 * @param path    where to read it
 * @param sha256  hex SHA-256 of its bytes, or null when it could not be read
 */
public record Envelope(String batchId, String name, Path path, String sha256) {
}
