package org.shinsei.scan;

import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A TIFF envelope, one page per image directory, read with the JDK's TIFF plugin (uncompressed, PackBits,
 * LZW, Deflate, CCITT G3/G4, JPEG). Each directory's size is checked before its pixels are decoded. The pixels of
 * the usual scan layouts (bilevel, 8-bit grey, 8-bit RGB) are then decoded by OpenCV's libtiff, several times
 * faster than the JDK's plugin and straight into a Mat; the rest, and anything libtiff refuses, by the JDK.
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

    /**
     * How OpenCV (libtiff) may decode the image so that its pixels equal the JDK's, or -1 to let the JDK decode it:
     * 8-bit grey stored black-is-zero and bilevel images (either photometric) as grey, 8-bit RGB or YCbCr without
     * extra samples as BGR. Palettes, alpha, deeper samples and other colour spaces keep the JDK's handling
     * ({@link ImageMats}), which lays alpha onto white and maps palettes and CMYK as the pipeline expects.
     */
    static int nativeFlags(ImageTypeSpecifier raw, IIOMetadata metadata) throws IIOInvalidTreeException {
        if (raw == null) {
            return -1;
        }
        TIFFField photometricField = TIFFDirectory.createFromMetadata(metadata)
                .getTIFFField(BaselineTIFFTagSet.TAG_PHOTOMETRIC_INTERPRETATION);
        if (photometricField == null) {
            return -1;
        }
        int photometric = photometricField.getAsInt(0);
        int bands = raw.getSampleModel().getNumBands();
        int bits = raw.getSampleModel().getSampleSize(0);
        boolean palette = raw.getColorModel() instanceof IndexColorModel;
        if (bands == 1 && bits == 1 && (photometric == BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_WHITE_IS_ZERO
                || photometric == BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO)) {
            return Imgcodecs.IMREAD_GRAYSCALE | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
        }
        if (palette || raw.getColorModel().hasAlpha()) {
            return -1;
        }
        if (bands == 1 && bits == 8 && photometric == BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO) {
            return Imgcodecs.IMREAD_GRAYSCALE | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
        }
        if (bands == 3 && bits == 8 && (photometric == BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_RGB
                || photometric == BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_Y_CB_CR)) {
            return Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
        }
        return -1;
    }

    /** Page {@code index} decoded by OpenCV, or null if it cannot (then the JDK's decoder has its say). */
    private static Mat nativePage(Path file, int index, int flags, int width, int height) {
        List<Mat> decoded = new ArrayList<>(1);
        boolean ok = Imgcodecs.imreadmulti(file.toString(), decoded, index, 1, flags);
        Mat page = ok && decoded.size() == 1 ? decoded.get(0) : null;
        if (page != null && (page.empty() || page.cols() != width || page.rows() != height || page.depth() != CvType.CV_8U)) {
            page.release();
            page = null;
        }
        for (Mat m : decoded) {
            if (m != page) {
                m.release();
            }
        }
        return page;
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
                int nativeFlags = nativeFlags(raw, metadata);
                Mat page = nativeFlags < 0 ? null : nativePage(file, i, nativeFlags, width, height);
                if (page == null) {
                    page = ImageMats.fromBufferedImage(reader.read(i));
                }
                pages.add(new ScanPage(i + 1, page, dpi));
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
