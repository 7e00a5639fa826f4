package org.shinsei.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shinsei.form.FormLayout;
import org.shinsei.form.MmRect;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/** The pre-printed form: everything on the page before the applicant picks up a pen. */
final class PrintedFormPainter {

    static final Color PRINT = Color.BLACK;
    static final double FRAME_MM = 0.25;
    static final int QR_QUIET_MODULES = 4;
    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);

    private final FormLayout layout;
    private final PrintedText text;
    private final Color green;

    PrintedFormPainter(FormLayout layout, PrintedText text) {
        this.layout = layout;
        this.text = text;
        int[] g = layout.dropoutGreenRgb();
        this.green = new Color(g[0], g[1], g[2]);
    }

    void paint(Canvas c, FormContent content) {
        paintFiducials(c, layout.fiducials());
        for (PrintedText.Item item : text.items()) {
            c.text(item.text(), item.face(), item.sizeMm(), item.x(), item.y(), PRINT);
        }
        paintId(c, content.applicationId());
        paintQr(c, content.effectiveQrPayload(), layout.qr());
        paintPreprinted(c, content);
        paintHandwritingBoxes(c);
        c.stroke(rect(layout.notes()), PRINT, 0.2);
    }

    static void paintFiducials(Canvas c, FormLayout.Fiducials f) {
        c.fill(finder(f.topLeft()), PRINT);
        c.fill(finder(f.topRight()), PRINT);
        c.fill(finder(f.bottomLeft()), PRINT);
        c.fill(rect(f.bottomRight()), PRINT);
    }

    /** 7 × 7 black, 5 × 5 white, 3 × 3 black, as one even-odd path so no seams appear between the rings. */
    private static Shape finder(MmRect r) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        double unit = r.width() / 7;
        p.append(rect(r), false);
        p.append(new Rectangle2D.Double(r.x() + unit, r.y() + unit, 5 * unit, 5 * unit), false);
        p.append(new Rectangle2D.Double(r.x() + 2 * unit, r.y() + 2 * unit, 3 * unit, 3 * unit), false);
        return p;
    }

    private void paintId(Canvas c, String id) {
        c.text(groupedId(id), FontFace.MONOSPACE, layout.idDigitsSizeMm(), layout.idDigitsOrigin().x(),
                layout.idDigitsOrigin().y(), PRINT);
    }

    /** "1234 5678 9012 3456 7890 123": groups of 4-4-4-4-4-3 separated by one space. */
    static String groupedId(String digits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** Model 2, level M, the payload as given, with a 4-module quiet zone inside the layout rectangle. */
    static void paintQr(Canvas c, String payload, MmRect r) {
        ByteMatrix m;
        try {
            m = Encoder.encode(payload, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"))
                    .getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR payload cannot be encoded: " + e.getMessage(), e);
        }
        double module = Math.min(r.width(), r.height()) / (m.getWidth() + 2 * QR_QUIET_MODULES);
        double x0 = r.x() + QR_QUIET_MODULES * module;
        double y0 = r.y() + QR_QUIET_MODULES * module;
        Path2D.Double dark = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    dark.append(new Rectangle2D.Double(x0 + x * module, y0 + y * module, module, module), false);
                }
            }
        }
        c.fill(dark, PRINT);
    }

    private void paintPreprinted(Canvas c, FormContent content) {
        for (MmRect cell : text.labelCells()) {
            c.stroke(rect(cell), PRINT, FRAME_MM);
        }
        for (MmRect cell : layout.preprinted().values()) {
            c.stroke(rect(cell), PRINT, FRAME_MM);
        }
        value(c, "name", content.name());
        value(c, "address", content.address());
        value(c, "birth_date", wareki(content.birthDate()));
        value(c, "sex", content.sex() == 'M' ? "男" : "女");
        value(c, "residence_until", content.residenceUntil() == null ? "なし" : wareki(content.residenceUntil()));
    }

    private void value(Canvas c, String key, String value) {
        PrintedText.Item at = text.values().get(key);
        if (at == null) {
            throw new IllegalStateException("layout.yml has no preprinted." + key);
        }
        c.text(value, FontFace.MINCHO, at.sizeMm(), at.x(), at.y(), PRINT);
    }

    static String wareki(LocalDate date) {
        return WAREKI.format(JapaneseDate.from(date));
    }

    private void paintHandwritingBoxes(Canvas c) {
        double w = layout.lineWidthMm();
        for (List<MmRect> row : List.of(layout.phoneBoxes(), layout.yearBoxes(), layout.monthBoxes(), layout.dayBoxes())) {
            for (MmRect box : row) {
                c.stroke(rect(box), green, w);
            }
        }
        c.stroke(rect(layout.signature()), green, w);
        for (MmRect box : layout.checkboxes().values()) {
            c.stroke(rect(box), green, w);
        }
        BasicStroke dashed = new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {1.5f, 1.0f}, 0f);
        c.stroke(rect(layout.photoBox()), green, dashed);
    }

    static Rectangle2D rect(MmRect r) {
        return new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height());
    }
}
