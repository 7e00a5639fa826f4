package org.shinsei.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
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

    List<ScanPage> read(Path file, ScanLimits.Budget budget) throws UnreadableEnvelopeException {
        long fileLength = file.toFile().length();
        // The image directories are walked by hand first: the JDK's reader would follow a chain of thousands of
        // directories, or one that loops, before any limit could be checked.
        limits.checkPages(TiffDirectories.count(file, limits));
        ImageReader reader = jdkReader();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
             PageCollector pages = new PageCollector()) {
            reader.setInput(in, false, false);
            int count = reader.getNumImages(true);
            if (count <= 0) {
                throw new UnreadableEnvelopeException("TIFF file has no image");
            }
            limits.checkPages(count);
            for (int i = 0; i < count; i++) {
                int width = reader.getWidth(i);
                int height = reader.getHeight(i);
                limits.checkPixels(i + 1, width, height);
                IIOMetadata metadata = reader.getImageMetadata(i);
                if (!TiffExtent.withinFile(metadata, fileLength)) {
                    throw new UnreadableEnvelopeException("TIFF file is truncated (page " + (i + 1) + " extends past its end)");
                }
                ImageTypeSpecifier raw = reader.getRawImageType(i);
                // Decoded into a Java image (heap), then into a Mat (native): both are charged.
                int samples = raw == null ? 4 : raw.getSampleModel().getNumBands();
                int bits = raw == null ? 8 : raw.getSampleModel().getSampleSize(0);
                budget.chargeImage(i + 1, width, height, samples, bits, ScanLimits.bytes(width, height, samples, bits)
                        + ScanLimits.bytes(width, height, samples == 1 ? 1 : 3, 8));
                Double dpi = ImageDpi.of(metadata);
                BufferedImage image = reader.read(i);
                pages.add(new ScanPage(i + 1, ImageMats.fromBufferedImage(image), dpi));
            }
            return pages.handOver();
        } catch (IOException | RuntimeException e) {
            // The JDK's TIFF plugin reports some malformed directories as runtime exceptions (e.g. a negative array size).
            throw new UnreadableEnvelopeException("TIFF file cannot be decoded (damaged or truncated): " + Messages.brief(e), e);
        } finally {
            reader.dispose();
        }
    }
}
