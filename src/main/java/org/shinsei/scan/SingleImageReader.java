package org.shinsei.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A PNG or JPEG envelope: one page. The header (size, declared dpi, grey or colour) is read with ImageIO
 * before any pixel is decoded; the pixels are decoded by OpenCV, which is several times faster.
 */
final class SingleImageReader {

    private final ScanLimits limits;
    private final boolean splitColour;

    SingleImageReader(ScanLimits limits, boolean splitColour) {
        this.limits = limits;
        this.splitColour = splitColour;
    }

    List<ScanPage> read(Path file, EnvelopeFormat format, ScanLimits.Budget budget) throws UnreadableEnvelopeException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableEnvelopeException("file cannot be read: " + Messages.brief(e), e);
        }
        Header header = header(bytes, format);
        limits.checkPixels(1, header.width(), header.height());
        // OpenCV decodes the stored samples as they are (IMREAD_UNCHANGED), then makes an 8-bit copy if needed.
        budget.chargeImage(1, header.width(), header.height(), header.samples(), header.bitsPerSample(),
                ScanLimits.bytes(header.width(), header.height(), header.samples(), header.bitsPerSample())
                        + (header.bitsPerSample() > 8 || header.samples() % 2 == 0
                        ? ScanLimits.bytes(header.width(), header.height(), 3, 8) : 0));
        if (format == EnvelopeFormat.JPEG && !JpegBytes.complete(bytes)) {
            throw new UnreadableEnvelopeException("JPEG file is truncated (no end-of-image marker)");
        }
        if (format == EnvelopeFormat.JPEG) {
            ScanPage page = JpegBytes.page(1, bytes, header.dpi(), splitColour);
            if (page == null) {
                throw new UnreadableEnvelopeException(format + " image data cannot be decoded (damaged or truncated file)");
            }
            return List.of(page);
        }
        Mat image = decodePng(bytes, header.grey());
        if (image.empty()) {
            image.release();
            throw new UnreadableEnvelopeException(format + " image data cannot be decoded (damaged or truncated file)");
        }
        return List.of(new ScanPage(1, image, header.dpi()));
    }

    private static Mat decodePng(byte[] bytes, boolean grey) {
        MatOfByte encoded = new MatOfByte(bytes);
        try {
            Mat decoded = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_UNCHANGED);
            return decoded.empty() ? decoded : ImageMats.normalise(decoded, grey);
        } finally {
            encoded.release();
        }
    }

    /** What the header says, before any pixel is decoded; {@code samples} and {@code bitsPerSample} as stored. */
    private record Header(int width, int height, Double dpi, boolean grey, int samples, int bitsPerSample) {
    }

    private static Header header(byte[] bytes, EnvelopeFormat format) throws UnreadableEnvelopeException {
        ImageReader reader = ImageIO.getImageReadersByFormatName(format.name().toLowerCase()).next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, false);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            ImageTypeSpecifier raw = rawType(reader);
            // No raw type: a CMYK or YCCK JPEG, which ImageIO cannot describe; charge it as four 8-bit samples.
            int samples = raw == null ? 4 : raw.getSampleModel().getNumBands();
            int bits = raw == null ? 8 : raw.getSampleModel().getSampleSize(0);
            return new Header(width, height, ImageDpi.of(reader, 0), declaredGrey(raw), samples, bits);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEnvelopeException(format + " header cannot be read: " + Messages.brief(e), e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageTypeSpecifier rawType(ImageReader reader) {
        try {
            return reader.getRawImageType(0);
        } catch (IOException | RuntimeException e) {
            // CMYK and other unusual JPEGs have no raw type in ImageIO; OpenCV still decodes them (as colour).
            return null;
        }
    }

    /** Whether the file stores one colour component (grey, with or without alpha); palettes count as colour. */
    private static boolean declaredGrey(ImageTypeSpecifier raw) {
        return raw != null && raw.getColorModel().getNumColorComponents() == 1
                && !(raw.getColorModel() instanceof java.awt.image.IndexColorModel);
    }
}
