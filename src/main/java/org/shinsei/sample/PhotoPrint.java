package org.shinsei.sample;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A photo print pasted on the form.
 *
 * @param image       the print's picture, stretched to the print size
 * @param widthMm     print width (35 for a correct print)
 * @param heightMm    print height (45 for a correct print)
 * @param offsetXMm   offset of the print's centre from the centre of the layout's photo guide, mm (x right)
 * @param offsetYMm   the same, y down
 * @param rotationDeg rotation of the print about its centre, degrees, clockwise as seen on the page
 */
public record PhotoPrint(BufferedImage image, double widthMm, double heightMm,
                         double offsetXMm, double offsetYMm, double rotationDeg) {

    public static final double STANDARD_WIDTH_MM = 35;
    public static final double STANDARD_HEIGHT_MM = 45;

    public PhotoPrint {
        Objects.requireNonNull(image, "image");
        if (widthMm <= 0 || heightMm <= 0) {
            throw new IllegalArgumentException("a print needs a positive size, got " + widthMm + " x " + heightMm);
        }
    }

    /** A correct 35 × 45 mm print pasted exactly on the guide. */
    public static PhotoPrint standard(BufferedImage image) {
        return new PhotoPrint(image, STANDARD_WIDTH_MM, STANDARD_HEIGHT_MM, 0, 0, 0);
    }

    public PhotoPrint withSize(double widthMm, double heightMm) {
        return new PhotoPrint(image, widthMm, heightMm, offsetXMm, offsetYMm, rotationDeg);
    }

    public PhotoPrint withPlacement(double offsetXMm, double offsetYMm, double rotationDeg) {
        return new PhotoPrint(image, widthMm, heightMm, offsetXMm, offsetYMm, rotationDeg);
    }
}
