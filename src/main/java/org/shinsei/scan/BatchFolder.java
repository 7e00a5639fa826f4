package org.shinsei.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A nightly batch folder (SPEC §1): every regular file in it is an envelope, except {@code registry.csv},
 * {@code expected.csv}, {@code README.md}, hidden files and sub-folders. Links are not followed.
 */
public final class BatchFolder {

    public static final Set<String> NOT_ENVELOPES = Set.of("registry.csv", "expected.csv", "README.md");

    private BatchFolder() {
    }

    /** The envelope files, sorted by name (the order that decides which of two duplicates is the original). */
    public static List<Path> envelopes(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || NOT_ENVELOPES.contains(name)
                        || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    /** Hex SHA-256 of the file's bytes; links are not followed. */
    public static String sha256(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException("a link, not a file");
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), md)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
