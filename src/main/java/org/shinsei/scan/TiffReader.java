package org.shinsei.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

/**
 * A TIFF envelope, one page per image directory, read with the JDK's TIFF plugin (uncompressed, PackBits,
 * LZW, Deflate, CCITT G3/G4, JPEG). Each directory's size is checked before its pixels are decoded.
 */
final class TiffReader {

    private static final String JDK_TIFF_METADATA = "javax_imageio_tiff_image_1.0";

    private final ScanLimits limits;

    TiffReader(ScanLimits limits) {
        this.limits = limits;
    }

    /**
     * The JDK's own TIFF reader. Another plugin on the class path (jai-imageio, via zxing) may be listed first in
     * an order that varies between runs; only the JDK's gives its metadata in the {@link
     * javax.imageio.plugins.tiff.TIFFDirectory} form that {@link TiffExtent} reads.
     */
    static ImageReader jdkReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (JDK_TIFF_METADATA.equals(r.getOriginatingProvider().getNativeImageMetadataFormatName())) {
                return r;
            }
        }
        throw new IllegalStateException("the JDK's TIFF ImageIO plugin is missing");
    }

    List<ScanPage> read(Path file) throws UnreadableEnvelopeException {
        ImageReader reader = jdkReader();
        long fileLength = file.toFile().length();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
             PageCollector pages = new PageCollector()) {
            reader.setInput(in, false, false);
            int count = reader.getNumImages(true);
            if (count <= 0) {
                throw new UnreadableEnvelopeException("TIFF file has no image");
            }
            limits.checkPages(count);
            for (int i = 0; i < count; i++) {
                limits.checkPixels(i + 1, reader.getWidth(i), reader.getHeight(i));
                IIOMetadata metadata = reader.getImageMetadata(i);
                if (!TiffExtent.withinFile(metadata, fileLength)) {
                    throw new UnreadableEnvelopeException("TIFF file is truncated (page " + (i + 1) + " extends past its end)");
                }
                Double dpi = ImageDpi.of(metadata);
                BufferedImage image = reader.read(i);
                pages.add(new ScanPage(i + 1, ImageMats.fromBufferedImage(image), dpi));
            }
            return pages.handOver();
        } catch (IOException e) {
            throw new UnreadableEnvelopeException("TIFF file cannot be decoded (damaged or truncated): " + Messages.brief(e), e);
        } finally {
            reader.dispose();
        }
    }
}
