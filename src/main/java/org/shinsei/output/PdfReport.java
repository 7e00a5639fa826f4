package org.shinsei.output;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.shinsei.decision.Reason;

/**
 * {@code report.pdf}: the report for printing, A4, with the Japanese font embedded (IPAex Gothic by default):
 * the summary, then one block per REJECTED / REVIEW record — its reasons in Japanese, the photo with the measured
 * framing drawn on it, and the crops of the fields that need a look. A block is never split across pages.
 */
public final class PdfReport {

    public static final String NAME = "report.pdf";

    private static final float MARGIN = 40;
    private static final float TEXT = 9;
    private static final float LEAD = 12;
    private static final float PHOTO_H = 110;
    private static final float CROP_H = 55;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    private PdfReport(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    public static Path write(Path batchDir, ReportModel model, Path fontFile) throws IOException {
        Path tmp = batchDir.resolve(NAME + ".tmp");
        try (PDDocument doc = new PDDocument()) {
            PdfReport r = new PdfReport(doc, PDType0Font.load(doc, fontFile.toFile()));
            r.render(model);
            doc.getDocumentInformation().setTitle("申請書チェック結果 " + model.batchId());
            doc.save(Files.newOutputStream(tmp));
        }
        return ReportFiles.replace(tmp, batchDir.resolve(NAME));
    }

    private void render(ReportModel m) throws IOException {
        newPage();
        text("申請書チェック結果 — バッチ " + m.batchId(), 15, MARGIN);
        y -= 8;
        line("作成 " + m.generatedAt() + "  フォルダ " + m.folder(), 8);
        y -= 6;
        line(String.format(Locale.ROOT, "全件 %d  受付 ACCEPTED %d  返戻 REJECTED %d  要確認 REVIEW %d", m.total(),
                m.count("ACCEPTED"), m.count("REJECTED"), m.count("REVIEW")), 11);
        y -= 4;
        for (ReportModel.ReasonCount c : m.reasons()) {
            ensure(LEAD);
            line(String.format(Locale.ROOT, "%-22s %-7s %3d  %s", c.code(), c.severity(), c.count(), c.message()), TEXT);
        }
        y -= 6;
        for (BatchHistory.Execution e : m.executions()) {
            String analyze = e.step("analyze").map(s -> String.format(Locale.ROOT, ", analyze %s s / %d 件",
                    s.seconds(), s.write())).orElse("");
            line("実行 " + e.runNo() + " " + e.event() + " " + e.start() + " → " + e.end() + " " + e.status() + analyze, TEXT);
        }
        line(String.format(Locale.ROOT, "封筒 %d 件、1件あたり平均 %.0f ms", m.envelopes(), m.meanEnvelopeMs()), TEXT);
        y -= 10;
        text("返戻・要確認 " + m.items().size() + " 件", 12, MARGIN);
        y -= 6;
        for (ReportModel.Item i : m.itemsInOrder()) {
            block(i);
        }
        out.close();
    }

    private void block(ReportModel.Item i) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        for (Reason r : i.reasons()) {
            lines.addAll(wrap(r.code() + " (" + r.severity() + "): " + r.message(), width - 10));
            if (r.detail() != null) {
                lines.addAll(wrap("    [" + r.detail() + "]", width - 10));
            }
        }
        if (!i.measurements().isEmpty()) {
            lines.addAll(wrap(i.measurements(), width - 10));
        }
        boolean crops = i.figure() != null || !i.crops().isEmpty();
        float height = 16 + lines.size() * LEAD + (crops ? PHOTO_H + 18 : 0) + 12;
        ensure(height);
        float top = y;
        text(i.envelope() + " " + i.pageLabel() + " — " + i.outcome() + " — 申請書ID " + i.shownId(), 11, MARGIN);
        y -= 4;
        for (String l : lines) {
            text(l, TEXT, MARGIN + 8);
        }
        if (crops) {
            float x = MARGIN + 8;
            float rowTop = y - 4;
            if (i.figure() != null) {
                x += photo(i.figure(), x, rowTop) + 14;
            }
            float cx = x;
            float cy = rowTop;
            for (Crop c : i.crops()) {
                float h = c.kind().equals("photo-area") ? PHOTO_H : CROP_H;
                float w = (float) (h * c.widthPx() / (double) c.heightPx());
                float maxW = PDRectangle.A4.getWidth() - MARGIN - cx;
                if (w > maxW) {
                    if (cx > x) {
                        cx = x;
                        cy -= CROP_H + 12;
                    }
                    maxW = PDRectangle.A4.getWidth() - MARGIN - cx;
                    if (w > maxW) {
                        h = h * maxW / w;
                        w = maxW;
                    }
                }
                image(c, cx, cy - h, w, h);
                caption(c.label(), cx, cy - h - 9);
                cx += w + 10;
            }
            y = rowTop - PHOTO_H - 14;
        }
        out.setStrokingColor(Color.GRAY);
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, y);
        out.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
        out.stroke();
        y -= 10;
        assert top - y <= height + 1;
    }

    /** Draws the print with the measured framing; returns its width on the page. */
    private float photo(ReportModel.PhotoFigure f, float x, float top) throws IOException {
        float s = (float) (PHOTO_H / f.heightMm());
        float w = (float) (f.widthMm() * s);
        float bottom = top - PHOTO_H;
        image(f.crop(), x, bottom, w, PHOTO_H);
        out.setLineWidth(0.6f);
        if (f.crownBand() != null) {
            dashedH(f.crownBand(), x, w, top, s, new Color(0x22, 0xaa, 0x22));
        }
        if (f.chinBand() != null) {
            dashedH(f.chinBand(), x, w, top, s, new Color(0x22, 0xaa, 0x22));
        }
        out.setLineDashPattern(new float[] {2, 2}, 0);
        out.setStrokingColor(new Color(0x00, 0x66, 0xcc));
        vertical(x + (float) f.centreXMm() * s, top, bottom);
        out.setLineDashPattern(new float[] {}, 0);
        if (f.faceCentreXMm() != null) {
            out.setStrokingColor(new Color(0xee, 0x88, 0x00));
            vertical(x + f.faceCentreXMm().floatValue() * s, top, bottom);
        }
        out.setStrokingColor(new Color(0xdd, 0x00, 0x00));
        for (Double yy : new Double[] {f.crownMm(), f.chinMm()}) {
            if (yy != null) {
                out.moveTo(x, top - yy.floatValue() * s);
                out.lineTo(x + w, top - yy.floatValue() * s);
                out.stroke();
            }
        }
        caption("写真（赤: 頭頂・あご、緑: 規定範囲、青: 中心線、橙: 顔の中心）", x, bottom - 9);
        return w;
    }

    private void dashedH(double[] band, float x, float w, float top, float s, Color c) throws IOException {
        out.setStrokingColor(c);
        out.setLineDashPattern(new float[] {1.5f, 1.5f}, 0);
        for (double v : band) {
            out.moveTo(x, top - (float) v * s);
            out.lineTo(x + w, top - (float) v * s);
            out.stroke();
        }
        out.setLineDashPattern(new float[] {}, 0);
    }

    private void vertical(float x, float top, float bottom) throws IOException {
        out.moveTo(x, top);
        out.lineTo(x, bottom);
        out.stroke();
    }

    private void image(Crop c, float x, float y0, float w, float h) throws IOException {
        PDImageXObject img = JPEGFactory.createFromByteArray(doc, c.jpeg());
        out.drawImage(img, x, y0, w, h);
    }

    private void caption(String s, float x, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, 6.5f);
        out.setNonStrokingColor(Color.DARK_GRAY);
        out.newLineAtOffset(x, baseline);
        out.showText(safe(s));
        out.endText();
        out.setNonStrokingColor(Color.BLACK);
    }

    private void line(String s, float size) throws IOException {
        for (String part : wrap(s, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
            ensure(LEAD);
            text(part, size, MARGIN);
        }
    }

    private void text(String s, float size, float x) throws IOException {
        y -= Math.max(LEAD, size + 3);
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(safe(s));
        out.endText();
    }

    private List<String> wrap(String s, float width) throws IOException {
        String text = safe(s);
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String next = cur + new String(Character.toChars(cp));
            if (font.getStringWidth(next) / 1000 * TEXT > width && cur.length() > 0) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            cur.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (cur.length() > 0) {
            lines.add(cur.toString());
        }
        return lines;
    }

    /** The text with every character the font cannot show replaced by '?'. */
    private String safe(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.appendCodePoint(glyphs.computeIfAbsent(cp, this::showable) ? cp : '?'));
        return b.toString();
    }

    private boolean showable(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return cp >= 0x20;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
