package org.shinsei.scan;

import java.nio.file.Path;
import java.util.List;

import org.shinsei.support.PageRef;
import org.springframework.stereotype.Component;

/**
 * Opens one envelope file into page images. PDF: the embedded page image when a page is one scan image,
 * else a 300 dpi grey rendering; multi-page TIFF; PNG; JPEG. The format is told by the file's bytes, not its
 * name. Anything that cannot be decoded is an {@link UnreadableEnvelopeException}.
 */
@Component
public class EnvelopeOpener {

    /** The pages of the envelope, in order. The caller owns and closes them. */
    public List<ScanPage> open(Path file, PageRef ref) throws UnreadableEnvelopeException {
        throw new UnsupportedOperationException("TODO(issue 2): ingest");
    }
}
