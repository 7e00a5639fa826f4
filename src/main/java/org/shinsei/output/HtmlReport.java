package org.shinsei.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * {@code report.html}: one self-contained file (styles, script and images inline, images as data: URIs, nothing
 * fetched), rendered by Thymeleaf from {@code templates/report.html}.
 */
public final class HtmlReport {

    public static final String NAME = "report.html";

    private static final TemplateEngine ENGINE = engine();

    private HtmlReport() {
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    public static Path write(Path batchDir, ReportModel model) throws IOException {
        Context context = new Context(Locale.JAPAN);
        context.setVariable("m", model);
        Path tmp = batchDir.resolve(NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            ENGINE.process("report", context, w);
        }
        return ReportFiles.replace(tmp, batchDir.resolve(NAME));
    }
}
