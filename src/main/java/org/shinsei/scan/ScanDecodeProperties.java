package org.shinsei.scan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How page images are decoded ({@code shinsei.scan.decode.*}).
 *
 * @param splitColourJpeg decode a colour JPEG with 4:2:0 chroma as full-resolution luma plus half-resolution colour
 *                        ({@link ScanPage#chroma()}): about 20 ms less CPU per 300-dpi A4 page (one colour decode
 *                        costs nearly four grey ones), and nothing of the file's information lost. Colour crops
 *                        rebuild the whole decode's pixels under them with libjpeg's own arithmetic
 *                        ({@code RegisteredPage#cropImage}): equal to it except near the rare half-resolution
 *                        pixels that are clipped (0 or 255 in a channel), about 0.1 % of a scan's pixels, by a few
 *                        grey levels. On by default; false decodes the whole colour image (see README, Performance).
 */
@ConfigurationProperties("shinsei.scan.decode")
public record ScanDecodeProperties(@DefaultValue("true") boolean splitColourJpeg) {

    public static ScanDecodeProperties defaults() {
        return new ScanDecodeProperties(true);
    }
}
