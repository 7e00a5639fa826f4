package org.shinsei.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A nightly batch folder (SPEC §1): every file in it is an envelope, except {@code registry.csv},
 * {@code expected.csv}, {@code README.md}, hidden files and sub-folders. Links are never followed: a link (to a
 * file, a folder, anywhere) is an envelope that gets an INPUT_UNREADABLE record saying so, as does a FIFO, socket
 * or device. A sub-folder, even one named like a file ({@code scan.pdf/}), is not an envelope; it is named in the
 * log as skipped. Names are used exactly as listed (never built from user input), so {@code ..}, spaces,
 * Unicode or control characters cannot lead outside the folder.
 */
public final class BatchFolder {

    private static final Logger log = LoggerFactory.getLogger(BatchFolder.class);

    public static final Set<String> NOT_ENVELOPES = Set.of("registry.csv", "expected.csv", "README.md");
    static final String LINK_NOT_FOLLOWED = "a symbolic link: links are not followed, put the file itself in the batch folder";
    static final String NOT_REGULAR = "not a regular file (a FIFO, socket or device)";

    private BatchFolder() {
    }

    /** The envelope files, sorted by name (the order that decides which of two duplicates is the original). */
    public static List<Path> envelopes(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (NOT_ENVELOPES.contains(name)) {
                    continue;
                }
                if (name.startsWith(".")) {
                    log.info("{}: a hidden file, not an envelope (SPEC §1): skipped", PageRef.envelope(name));
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    log.info("{}: a sub-folder, not an envelope (SPEC §1): skipped", PageRef.envelope(name + "/"));
                    continue;
                }
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    /** Hex SHA-256 of the file's bytes; links and anything but a regular file are refused, never read. */
    public static String sha256(Path file) throws IOException {
        String why = whyNotAFile(file);
        if (why != null) {
            throw new IOException(why);
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Why the envelope at {@code file} is not a regular file that can be read (a link, a FIFO, gone), or null when
     * it is one. For the INPUT_UNREADABLE record of an envelope that inventory could not hash.
     */
    public static String whyNotAFile(Path file) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return "the file cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        if (attrs.isSymbolicLink()) {
            return LINK_NOT_FOLLOWED;
        }
        if (attrs.isDirectory()) {
            return "a folder, not a file";
        }
        return attrs.isRegularFile() ? null : NOT_REGULAR;
    }
}
