package org.shinsei.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.shinsei.form.FormLayout;
import org.shinsei.form.MmRect;

/** What the applicant writes: digits in the boxes, the signature and the checkbox marks. */
final class InkPainter {

    /** Salts that keep each box's hand-writing independent of the others. */
    private static final long PHONE_SALT = 100;
    private static final long YEAR_SALT = 200;
    private static final long MONTH_SALT = 210;
    private static final long DAY_SALT = 220;
    private static final long SIGNATURE_SALT = 300;
    private static final long CHECKBOX_SALT = 400;

    private final FormLayout layout;

    InkPainter(FormLayout layout) {
        this.layout = layout;
    }

    void paint(Canvas c, FormContent f) {
        Color ink = f.ink().colour();
        String phone = f.phone();
        for (int i = 0; i < phone.length(); i++) {
            f.handwriting().drawDigit(c, phone.charAt(i) - '0', layout.phoneBoxes().get(i), ink, PHONE_SALT + i);
        }
        writeBoxes(c, f, f.date().year(), layout.yearBoxes(), YEAR_SALT);
        writeBoxes(c, f, f.date().month(), layout.monthBoxes(), MONTH_SALT);
        writeBoxes(c, f, f.date().day(), layout.dayBoxes(), DAY_SALT);
        if (f.signature() != null) {
            Jitter j = new Jitter(f.seed(), SIGNATURE_SALT);
            if (FormContent.SCRIBBLE.equals(f.signature())) {
                scribbleSignature(c, layout.signature(), ink, j);
            } else if (FormContent.STRAY_MARKS.equals(f.signature())) {
                strayMarks(c, layout.signature(), ink, j);
            } else {
                writeSignature(c, f.signature(), layout.signature(), ink, j);
            }
        }
        List<Mark> marks = List.of(f.noSigningCertificate(), f.noUserCertificate(), f.braille());
        List<MmRect> boxes = List.copyOf(layout.checkboxes().values());
        for (int i = 0; i < marks.size(); i++) {
            CheckMarks.draw(c, marks.get(i), boxes.get(i), f.ink(), new Jitter(f.seed(), CHECKBOX_SALT + i));
        }
    }

    private static void writeBoxes(Canvas c, FormContent f, List<String> values, List<MmRect> boxes, long salt) {
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                f.handwriting().drawDigit(c, values.get(i).charAt(0) - '0', boxes.get(i), f.ink().colour(), salt + i);
            }
        }
    }

    /** Written characters in Klee One, each a little off the line, starting near the left of the box. */
    private static void writeSignature(Canvas c, String signature, MmRect box, Color ink, Jitter j) {
        double size = box.height() * 0.55 * (1 + j.plusMinus(0.08));
        double x = box.x() + 5 + j.plusMinus(2);
        double baseline = box.y() + box.height() * 0.72;
        double slope = Math.tan(Math.toRadians(j.plusMinus(2)));
        for (int i = 0; i < signature.length(); i++) {
            String ch = signature.substring(i, i + 1);
            double y = baseline + (x - box.x()) * slope + j.plusMinus(0.4);
            AffineTransform t = AffineTransform.getRotateInstance(Math.toRadians(j.plusMinus(4)), x, y);
            c.fill(t.createTransformedShape(FontFace.KLEE.outline(ch, size, x, y)), ink);
            x += FontFace.KLEE.advance(ch, size) * (1 + j.plusMinus(0.06));
        }
    }

    /** A looping cursive scrawl, like a quick signature that spells nothing legible. */
    private static void scribbleSignature(Canvas c, MmRect box, Color ink, Jitter j) {
        Path2D.Double p = new Path2D.Double();
        double x = box.x() + 6;
        double mid = box.centreY();
        p.moveTo(x, mid + 2);
        double end = box.x() + 45 + j.between(0, 20);
        double phase = 0;
        while (x < end) {
            phase += 0.9 + j.plusMinus(0.3);
            x += 0.9 + j.plusMinus(0.3);
            double amp = 3.5 + j.plusMinus(1.2);
            p.lineTo(x, mid + amp * Math.sin(phase * 2.2) - (x - box.x()) * 0.02);
        }
        c.stroke(p, ink, new BasicStroke(0.45f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /**
     * No signature, only what a pen leaves by accident: a dot or two and a short slip of 1.5–3 mm, somewhere in the
     * box. Together well under the ink of one written character.
     */
    private static void strayMarks(Canvas c, MmRect box, Color ink, Jitter j) {
        BasicStroke pen = new BasicStroke(0.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        int dots = 1 + (j.chance(0.5) ? 1 : 0);
        for (int i = 0; i < dots; i++) {
            double cx = box.x() + j.between(3, box.width() - 3);
            double cy = box.y() + j.between(2, box.height() - 2);
            double r = j.between(0.2, 0.35);
            c.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), ink);
        }
        double x = box.x() + j.between(3, box.width() - 6);
        double y = box.y() + j.between(2, box.height() - 2);
        double len = j.between(1.5, 3);
        double angle = j.between(0, Math.PI);
        c.stroke(new Line2D.Double(x, y, x + len * Math.cos(angle), y + len * Math.sin(angle)), ink, pen);
    }

    /** The marks an applicant may put in a 5 × 5 mm box. */
    static final class CheckMarks {

        private CheckMarks() {
        }

        static void draw(Canvas c, Mark mark, MmRect box, InkColour ink, Jitter j) {
            BasicStroke pen = new BasicStroke((float) (0.4 + j.between(0, 0.1)), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND);
            double x = box.x();
            double y = box.y();
            double s = box.width() / 5;
            switch (mark) {
                case EMPTY -> {
                }
                case TICK -> {
                    Path2D.Double p = new Path2D.Double();
                    p.moveTo(x + (0.9 + j.plusMinus(0.3)) * s, y + (2.6 + j.plusMinus(0.3)) * s);
                    p.lineTo(x + (2.1 + j.plusMinus(0.3)) * s, y + (4.1 + j.plusMinus(0.3)) * s);
                    p.lineTo(x + (4.6 + j.plusMinus(0.3)) * s, y + (0.6 + j.plusMinus(0.3)) * s);
                    c.stroke(p, ink.colour(), pen);
                }
                case CROSS -> {
                    double a = 0.8 + j.plusMinus(0.3);
                    double b = 4.2 + j.plusMinus(0.3);
                    c.stroke(new Line2D.Double(x + a * s, y + a * s, x + b * s, y + b * s), ink.colour(), pen);
                    c.stroke(new Line2D.Double(x + b * s, y + a * s, x + a * s, y + b * s), ink.colour(), pen);
                }
                case FILL -> c.fill(new Rectangle2D.Double(x + 0.6 * s, y + 0.6 * s, 3.8 * s, 3.8 * s), ink.colour());
                case SCRIBBLE -> {
                    Path2D.Double p = new Path2D.Double();
                    p.moveTo(x + 0.9 * s, y + 1.0 * s);
                    for (int i = 0; i < 9; i++) {
                        p.lineTo(x + (i % 2 == 0 ? 4.1 : 0.9) * s + j.plusMinus(0.3),
                                y + (1.0 + 0.38 * (i + 1)) * s + j.plusMinus(0.2));
                    }
                    c.stroke(p, ink.colour(), pen);
                }
                case AMBIGUOUS -> {
                    double cx = x + (2.5 + j.plusMinus(1.0)) * s;
                    double cy = y + (2.5 + j.plusMinus(1.0)) * s;
                    if (j.chance(0.5)) {
                        c.fill(new Ellipse2D.Double(cx - 0.35, cy - 0.35, 0.7, 0.7), ink.faint());
                    } else {
                        double angle = j.between(0, Math.PI);
                        double half = 0.7;
                        c.stroke(new Line2D.Double(cx - half * Math.cos(angle), cy - half * Math.sin(angle),
                                cx + half * Math.cos(angle), cy + half * Math.sin(angle)), ink.faint(),
                                new BasicStroke(0.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    }
                }
                case STRAY -> {
                    // a pen slip from outside that stops on the frame line, and a dot beside the box
                    double yy = y + (1.5 + j.between(0, 2)) * s;
                    c.stroke(new Line2D.Double(x - 1.2 - j.between(0, 0.8), yy + j.plusMinus(0.4), x + j.between(0, 0.1), yy),
                            ink.colour(), pen);
                    double r = j.between(0.15, 0.3);
                    double dx = x + box.width() + 0.8 + j.between(0, 0.6);
                    double dy = y + j.between(0.5, box.height() - 0.5);
                    c.fill(new Ellipse2D.Double(dx - r, dy - r, 2 * r, 2 * r), ink.colour());
                }
                default -> throw new IllegalArgumentException("unknown mark " + mark);
            }
        }
    }
}
