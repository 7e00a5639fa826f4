package org.shinsei.support;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold personal data (results, reports, the audit log, the database) are created readable
 * by their owner only: folders {@code rwx------}, files {@code rw-------}, from the moment they exist (not
 * chmod-ed afterwards). On a file system without POSIX permissions the calls fall back to the defaults.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates {@code dir} and every missing parent with {@code rwx------}; an existing folder is left as it is. */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        Path parent = abs.getParent();
        if (parent != null && !Files.exists(parent)) {
            createDirectories(parent);
        }
        if (POSIX) {
            Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIR));
        } else {
            Files.createDirectory(abs);
        }
        return dir;
    }

    /** Creates a new, empty file with {@code rw-------} (fails if it exists). */
    public static Path createFile(Path file) throws IOException {
        return POSIX ? Files.createFile(file, fileAttribute()) : Files.createFile(file);
    }

    /** Restricts an existing file or folder to its owner ({@code rw-------} / {@code rwx------}). */
    public static void restrict(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIR : FILE);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }
}
