package org.shinsei.scan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How page images are decoded ({@code shinsei.scan.decode.*}).
 *
 * @param splitColourJpeg decode a colour JPEG with 4:2:0 chroma as full-resolution luma plus half-resolution colour
 *                        ({@link ScanPage#chroma()}): about 15 ms less CPU per 300-dpi A4 page, and nothing of the
 *                        file's information lost, but colour crops differ from a whole decode by rounding (about
 *                        ±1 grey level). Off by default: the photo stage's background check (edge density) turns
 *                        such rounding into REVIEW on some compliant prints (see README, Performance).
 */
@ConfigurationProperties("shinsei.scan.decode")
public record ScanDecodeProperties(@DefaultValue("false") boolean splitColourJpeg) {

    public static ScanDecodeProperties defaults() {
        return new ScanDecodeProperties(false);
    }
}
