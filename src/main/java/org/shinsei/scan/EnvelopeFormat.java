package org.shinsei.scan;

import java.util.Optional;

/** The file formats an envelope may come in, told by the first bytes of the file (never by its name). */
enum EnvelopeFormat {
    PDF, TIFF, PNG, JPEG;

    /** How many leading bytes {@link #sniff} looks at: readers accept a PDF header anywhere in the first 1024. */
    static final int MAGIC_LENGTH = 1024;

    static Optional<EnvelopeFormat> sniff(byte[] head, int length) {
        if (pdfHeaderWithin(head, length)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, length, 'I', 'I', '*', 0) || startsWith(head, length, 'M', 'M', 0, '*')) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    private static boolean pdfHeaderWithin(byte[] head, int length) {
        byte[] magic = {'%', 'P', 'D', 'F', '-'};
        outer:
        for (int i = 0; i + magic.length <= length; i++) {
            for (int j = 0; j < magic.length; j++) {
                if (head[i + j] != magic[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
