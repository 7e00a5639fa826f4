package org.shinsei.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;

import org.shinsei.support.OpenCv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.shinsei.support.PageRef;
import org.springframework.stereotype.Component;

/**
 * Opens one envelope file into page images. PDF: the embedded page image when a page is one scan image,
 * else a grey rendering at {@code shinsei.scan.render-dpi}; multi-page TIFF; PNG; JPEG. The format is told by the
 * file's bytes, not its name. Anything that cannot be decoded, or is over a {@link ScanProperties} limit, is an
 * {@link UnreadableEnvelopeException} with a short message that names the problem (and the limit).
 */
@Component
public class EnvelopeOpener {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeOpener.class);

    private final ScanLimits limits;
    private final PdfReader pdf;
    private final TiffReader tiff;
    private final SingleImageReader single;

    public EnvelopeOpener(ScanProperties props) {
        this(props, ScanDecodeProperties.defaults());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public EnvelopeOpener(ScanProperties props, ScanDecodeProperties decode) {
        OpenCv.load();
        this.limits = new ScanLimits(props);
        this.pdf = new PdfReader(limits, decode.splitColourJpeg());
        this.tiff = new TiffReader(limits);
        this.single = new SingleImageReader(limits, decode.splitColourJpeg());
    }

    /** The pages of the envelope, in order (at least one). The caller owns and closes them. */
    public List<ScanPage> open(Path file, PageRef ref) throws UnreadableEnvelopeException {
        long size = regularFileSize(file);
        EnvelopeFormat format = format(file);
        ScanLimits.Budget budget = limits.budget(size);
        List<ScanPage> pages = switch (format) {
            case PDF -> pdf.read(file, budget);
            case TIFF -> tiff.read(file, budget);
            case PNG, JPEG -> single.read(file, format, budget);
        };
        log.debug("{}: {} with {} page(s)", ref, format, pages.size());
        return pages;
    }

    /** The time one envelope's whole analysis may take ({@code shinsei.scan.envelope-timeout}). */
    public Duration envelopeTimeout() {
        return limits.envelopeTimeout();
    }

    /**
     * The file's size, once it is known to be a regular file within the limit. Links are not followed (a link could
     * lead out of the batch folder), and a FIFO or device would block or never end.
     */
    private long regularFileSize(Path file) throws UnreadableEnvelopeException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UnreadableEnvelopeException("file cannot be read: " + Messages.brief(e), e);
        }
        if (attrs.isSymbolicLink()) {
            throw new UnreadableEnvelopeException(BatchFolder.LINK_NOT_FOLLOWED);
        }
        if (!attrs.isRegularFile()) {
            throw new UnreadableEnvelopeException(attrs.isDirectory() ? "a folder, not a file" : BatchFolder.NOT_REGULAR);
        }
        limits.checkFileSize(attrs.size());
        return attrs.size();
    }

    private EnvelopeFormat format(Path file) throws UnreadableEnvelopeException {
        byte[] head = new byte[EnvelopeFormat.MAGIC_LENGTH];
        int n;
        try {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                n = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new UnreadableEnvelopeException("file cannot be read: " + Messages.brief(e), e);
        }
        if (n == 0) {
            throw new UnreadableEnvelopeException("empty file (0 bytes)");
        }
        return EnvelopeFormat.sniff(head, n)
                .orElseThrow(() -> new UnreadableEnvelopeException("not a PDF, TIFF, PNG or JPEG file"));
    }
}
