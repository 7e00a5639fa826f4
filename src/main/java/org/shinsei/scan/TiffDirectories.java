package org.shinsei.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the image directories of a classic TIFF file by walking their chain, without decoding anything. A chain
 * that loops or leaves the file is refused; the walk stops one past {@code max-pages}, so a file claiming
 * millions of pages costs no more than a normal one.
 */
final class TiffDirectories {

    private static final int ENTRY_BYTES = 12;

    private TiffDirectories() {
    }

    static int count(Path file, ScanLimits limits) throws UnreadableEnvelopeException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            ByteBuffer head = read(ch, 0, 8);
            if (head == null) {
                throw new UnreadableEnvelopeException("TIFF file is truncated (no header)");
            }
            ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            long offset = Integer.toUnsignedLong(head.order(order).getInt(4));
            Set<Long> seen = new HashSet<>();
            int count = 0;
            while (offset != 0) {
                if (!seen.add(offset)) {
                    throw new UnreadableEnvelopeException("TIFF file is damaged (its image directories form a loop)");
                }
                ByteBuffer n = read(ch, offset, 2);
                if (n == null) {
                    throw new UnreadableEnvelopeException("TIFF file is damaged or truncated (image directory "
                            + (count + 1) + " lies past the end of the file)");
                }
                int entries = Short.toUnsignedInt(n.order(order).getShort(0));
                long next = offset + 2 + (long) entries * ENTRY_BYTES;
                ByteBuffer link = next + 4 <= length ? read(ch, next, 4) : null;
                if (link == null) {
                    throw new UnreadableEnvelopeException("TIFF file is damaged or truncated (image directory "
                            + (count + 1) + " runs past the end of the file)");
                }
                count++;
                if (count > limits.maxPagesToCount()) {
                    return count;
                }
                offset = Integer.toUnsignedLong(link.order(order).getInt(0));
            }
            return count;
        } catch (IOException e) {
            throw new UnreadableEnvelopeException("file cannot be read: " + Messages.brief(e), e);
        }
    }

    /** {@code n} bytes at {@code at}, or null when the file is shorter. */
    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        if (at < 0 || at + n > ch.size()) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                return null;
            }
        }
        return b.flip();
    }
}
