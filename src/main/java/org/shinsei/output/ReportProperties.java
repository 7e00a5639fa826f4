package org.shinsei.output;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reviewers' report ({@code report.html}, {@code report.pdf}, {@code rejections.csv}).
 *
 * @param maskIds  show application IDs by their last 4 digits only (default); false shows them whole, for a
 *                 reviewing office that needs to look forms up by ID ({@code SHINSEI_REPORT_MASK_IDS=false})
 * @param pdfFont  the Japanese TrueType/OpenType font embedded in report.pdf (Debian fonts-ipaexfont-gothic)
 */
@ConfigurationProperties("shinsei.report")
public record ReportProperties(@DefaultValue("true") boolean maskIds,
                               @DefaultValue("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf") String pdfFont) {
}
