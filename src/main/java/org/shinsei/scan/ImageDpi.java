package org.shinsei.scan;

import java.io.IOException;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The resolution an image file declares (TIFF X/YResolution, PNG pHYs in metres, JPEG JFIF density), read
 * through ImageIO's format-neutral metadata tree. A missing or aspect-ratio-only value is {@code null}: the
 * fiducial spacing gives the true scale anyway, so the declared value is informative only.
 */
final class ImageDpi {

    private ImageDpi() {
    }

    static Double of(ImageReader reader, int imageIndex) {
        IIOMetadata metadata;
        try {
            metadata = reader.getImageMetadata(imageIndex);
        } catch (IOException | RuntimeException e) {
            // The declared dpi is optional; pixels are decoded (and fail loudly) separately.
            return null;
        }
        return of(metadata);
    }

    static Double of(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return null;
        }
        Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        if (!(root instanceof Element element)) {
            return null;
        }
        NodeList sizes = element.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return null;
        }
        try {
            double mmPerPixel = Double.parseDouble(((Element) sizes.item(0)).getAttribute("value"));
            if (!(mmPerPixel > 0) || Double.isInfinite(mmPerPixel)) {
                return null;
            }
            return Math.round(25.4 / mmPerPixel * 100.0) / 100.0;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
