package org.shinsei.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.opencv.core.Mat;

/**
 * A PDF envelope. A page that is one scan image keeps that image's own pixels (a JPEG is decoded from its
 * stored bytes, never re-rendered, so nothing is resampled); any other page is rendered in grey at
 * {@code renderDpi}. PDFBox's memory for decoded streams is bounded by {@code maxFileBytes}.
 */
final class PdfReader {

    private final ScanLimits limits;
    private final boolean splitColour;

    PdfReader(ScanLimits limits, boolean splitColour) {
        this.limits = limits;
        this.splitColour = splitColour;
    }

    List<ScanPage> read(Path file, ScanLimits.Budget budget) throws UnreadableEnvelopeException {
        try (PDDocument doc = load(file); PageCollector pages = new PageCollector()) {
            int count = doc.getNumberOfPages();
            if (count == 0) {
                throw new UnreadableEnvelopeException("PDF has no pages");
            }
            limits.checkPages(count);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < count; i++) {
                pages.add(page(doc.getPage(i), i, renderer, budget));
            }
            return pages.handOver();
        } catch (IOException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | ClassCastException | NullPointerException e) {
            // PDFBox reports some malformed objects (wrong types, missing keys, bad indexes) as runtime exceptions.
            throw new UnreadableEnvelopeException("PDF page cannot be decoded: " + Messages.brief(e), e);
        }
    }

    private PDDocument load(Path file) throws UnreadableEnvelopeException {
        try {
            return Loader.loadPDF(file.toFile(), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(Math.min(limits.maxFileBytes(), limits.maxDecodedBytes()))
                            .streamCache);
        } catch (InvalidPasswordException e) {
            throw new UnreadableEnvelopeException("PDF is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEnvelopeException("PDF is damaged beyond repair: " + Messages.brief(e), e);
        }
    }

    private ScanPage page(PDPage page, int index, PDFRenderer renderer, ScanLimits.Budget budget)
            throws IOException, UnreadableEnvelopeException {
        int pageNo = index + 1;
        Optional<PdfScanImageFinder.PlacedImage> scan = PdfScanImageFinder.find(page);
        if (scan.isPresent()) {
            PDImage image = scan.get().image();
            limits.checkPixels(pageNo, image.getWidth(), image.getHeight());
            charge(image, pageNo, budget);
            return decode(image, pageNo, Math.round(scan.get().dpi() * 100.0) / 100.0);
        }
        PDRectangle box = page.getCropBox();
        double scale = limits.renderDpi() / 72.0;
        long width = Math.round(box.getWidth() * scale);
        long height = Math.round(box.getHeight() * scale);
        limits.checkPixels(pageNo, width, height);
        // The Java rendering and the Mat made from it.
        budget.chargeRendering(pageNo, 2 * ScanLimits.bytes(width, height, 1, 8));
        BufferedImage rendered = renderer.renderImageWithDPI(index, limits.renderDpi(), ImageType.GRAY);
        return new ScanPage(pageNo, ImageMats.fromBufferedImage(rendered), (double) limits.renderDpi());
    }

    /**
     * Charges the budget with what decoding the image will allocate, from its dictionary: a plain JPEG is decoded
     * once by OpenCV; anything else becomes a 4-byte-per-pixel Java image first, then a Mat.
     */
    private static void charge(PDImage image, int pageNo, ScanLimits.Budget budget)
            throws IOException, UnreadableEnvelopeException {
        long w = image.getWidth();
        long h = image.getHeight();
        int samples = image.getColorSpace() == null ? 4 : image.getColorSpace().getNumberOfComponents();
        int bits = image.getBitsPerComponent() > 0 ? image.getBitsPerComponent() : 8;
        long memory = image instanceof PDImageXObject xobject && isPlainJpeg(xobject)
                ? ScanLimits.bytes(w, h, samples, 8)
                : ScanLimits.bytes(w, h, 4, bits) + ScanLimits.bytes(w, h, 3, 8);
        budget.chargeImage(pageNo, w, h, samples, bits, memory);
    }

    private ScanPage decode(PDImage image, int pageNo, double dpi) throws IOException, UnreadableEnvelopeException {
        if (image instanceof PDImageXObject xobject && isPlainJpeg(xobject)) {
            byte[] jpeg;
            try (InputStream in = xobject.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()))) {
                jpeg = in.readAllBytes();
            }
            if (!JpegBytes.complete(jpeg)) {
                throw new UnreadableEnvelopeException("the JPEG image of PDF page " + pageNo + " is truncated");
            }
            ScanPage decoded = JpegBytes.page(pageNo, jpeg, dpi, splitColour);
            if (decoded == null) {
                throw new UnreadableEnvelopeException("the JPEG image of PDF page " + pageNo + " cannot be decoded");
            }
            return decoded;
        }
        BufferedImage decoded = image.getImage();
        if (decoded == null) {
            throw new UnreadableEnvelopeException("the image of PDF page " + pageNo + " cannot be decoded");
        }
        return new ScanPage(pageNo, ImageMats.fromBufferedImage(decoded), dpi);
    }

    /**
     * A JPEG whose stored bytes mean exactly what the page shows: grey or RGB, 8 bits, no decode array and no
     * mask. Anything else (CMYK, Lab, masks) goes through PDFBox's colour handling.
     */
    private static boolean isPlainJpeg(PDImageXObject x) throws IOException {
        List<COSName> filters = x.getStream().getFilters();
        if (filters.isEmpty() || !COSName.DCT_DECODE.equals(filters.get(filters.size() - 1))
                || filters.indexOf(COSName.DCT_DECODE) != filters.size() - 1) {
            return false;
        }
        if (x.getDecode() != null || x.getCOSObject().containsKey(COSName.SMASK)
                || x.getCOSObject().containsKey(COSName.MASK) || x.getBitsPerComponent() != 8) {
            return false;
        }
        PDColorSpace cs = x.getColorSpace();
        return cs instanceof PDDeviceGray || cs instanceof PDDeviceRGB
                || cs instanceof PDICCBased icc && (icc.getNumberOfComponents() == 1 || icc.getNumberOfComponents() == 3);
    }
}
