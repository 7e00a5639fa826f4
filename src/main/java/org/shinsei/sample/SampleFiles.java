package org.shinsei.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** The deliberately unreadable envelopes: damaged, locked or not a scan at all. */
final class SampleFiles {

    private SampleFiles() {
    }

    /** Keeps only the first {@code fraction} of the file, as an interrupted transfer would. */
    static void truncate(Path file, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    /** AES-256 with a user password: nothing can be read without it. */
    static void encrypt(Path file, String userPassword) throws IOException {
        Path plain = file.resolveSibling(file.getFileName() + ".plain");
        Files.move(file, plain);
        try (PDDocument doc = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(file.toFile());
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    /** A file that is no image at all: a plain-text note someone dropped in the batch folder. */
    static void textNote(Path file) throws IOException {
        Files.writeString(file, "スキャン担当メモ: この封筒は空でした。\nscan operator note: envelope was empty.\n",
                StandardCharsets.UTF_8);
    }
}
