package org.shinsei.sample;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/** Pages that can share an envelope with a form but are not a 交付申請書. All text is fictional. */
public enum OtherPages {
    /** A covering letter: a page of Japanese text. */
    LETTER {
        @Override
        void paint(Canvas c) {
            Color ink = Color.BLACK;
            c.text("令和8年11月18日", FontFace.MINCHO, 4, 150, 30, ink);
            c.text("個人番号カード交付申請受付センター 御中", FontFace.MINCHO, 4.5, 25, 45, ink);
            c.text("申請書送付のお願い", FontFace.GOTHIC, 6, 80, 70, ink);
            double y = 90;
            for (String line : LETTER_LINES) {
                c.text(line, FontFace.MINCHO, 4, 25, y, ink);
                y += 8;
            }
            c.text("見本市見本町1-2-3", FontFace.MINCHO, 4, 120, y + 10, ink);
            c.text("見本 次郎", FontFace.MINCHO, 4.5, 150, y + 20, ink);
        }
    },
    /** The 通知カード sent back by mistake: a printed card (85.6 × 54 mm) lying on the bed on a white sheet. */
    NOTIFICATION_CARD {
        @Override
        void paint(Canvas c) {
            double x = 60;
            double y = 60;
            c.fill(new RoundRectangle2D.Double(x + 0.3, y + 0.3, 85.6, 54, 3, 3), new Color(150, 150, 150));
            c.fill(new RoundRectangle2D.Double(x, y, 85.6, 54, 3, 3), new Color(236, 242, 226));
            c.fill(new Rectangle2D.Double(x, y + 4, 85.6, 8), new Color(90, 150, 110));
            c.text("通知カード", FontFace.GOTHIC, 5, x + 4, y + 10, Color.WHITE);
            Color ink = new Color(30, 30, 30);
            c.text("個人番号", FontFace.GOTHIC, 2.8, x + 4, y + 19, ink);
            c.text("0000 1111 2222", FontFace.MONOSPACE, 4.2, x + 20, y + 19.5, ink);
            c.text("氏名", FontFace.GOTHIC, 2.8, x + 4, y + 27, ink);
            c.text("見本 花子", FontFace.MINCHO, 4, x + 20, y + 27.5, ink);
            c.text("住所", FontFace.GOTHIC, 2.8, x + 4, y + 35, ink);
            c.text("見本県見本市見本町1-2-3", FontFace.MINCHO, 3, x + 20, y + 35, ink);
            c.text("生年月日 平成2年4月1日  性別 女", FontFace.MINCHO, 2.8, x + 4, y + 43, ink);
            c.text("見本市長", FontFace.MINCHO, 2.8, x + 62, y + 50, ink);
        }
    },
    /**
     * A hand-written 手書用 form: boxes and titles much like the 交付申請書, but no fiducials and no QR code,
     * filled in by hand.
     */
    HANDWRITTEN_FORM {
        @Override
        void paint(Canvas c) {
            Color print = Color.BLACK;
            Color green = new Color(0, 150, 110);
            c.text("個人番号カード交付申請書（手書用）", FontFace.GOTHIC, 5.5, 30, 22, print);
            String[] labels = {"氏名", "住所", "生年月日", "性別", "電話番号", "申請日", "申請者氏名"};
            double y = 35;
            for (String label : labels) {
                c.stroke(new Rectangle2D.Double(15, y, 30, 14), print, 0.25);
                c.stroke(new Rectangle2D.Double(45, y, 110, 14), green, 0.3);
                c.text(label, FontFace.GOTHIC, 3.5, 18, y + 9, print);
                y += 16;
            }
            c.stroke(new Rectangle2D.Double(162, 35, 35, 45), green, 0.3);
            c.text("写真", FontFace.GOTHIC, 3, 175, 60, print);
            Color ink = InkColour.BLUE.colour();
            c.text("見本 三郎", FontFace.KLEE, 7, 50, 45, ink);
            c.text("見本県見本市見本町4-5-6", FontFace.KLEE, 5, 50, 61, ink);
            c.text("昭和60年5月5日", FontFace.KLEE, 5, 50, 77, ink);
            c.text("男", FontFace.KLEE, 5, 50, 93, ink);
            c.text("09011112222", FontFace.KLEE, 5.5, 50, 109, ink);
            c.text("令和8年11月15日", FontFace.KLEE, 5, 50, 125, ink);
            c.text("見本 三郎", FontFace.KLEE, 7, 50, 141, ink);
            c.stroke(new Rectangle2D.Double(15, 160, 182, 60), print, 0.2);
            c.text("記入上の注意", FontFace.GOTHIC, 3, 18, 166, print);
            c.text("・この申請書は手書きで記入する方のためのものです。", FontFace.GOTHIC, 2.8, 18, 172, print);
            c.stroke(new Line2D.Double(15, 230, 197, 230), print, 0.2);
        }
    },
    /** The back of a duplex scan: paper only. */
    BLANK {
        @Override
        void paint(Canvas c) {
        }
    };

    private static final List<String> LETTER_LINES = List.of(
            "拝啓　時下ますますご清栄のこととお慶び申し上げます。",
            "さて、先日お送りいただきました個人番号カード交付申請書につきまして、",
            "家族二名分をまとめて返送いたします。写真は最近撮影したものです。",
            "なお、転居の予定がございますので、住所の変更手続きについても",
            "ご教示いただければ幸いです。",
            "ご多忙のところ恐縮ですが、よろしくお願い申し上げます。",
            "敬具");

    abstract void paint(Canvas c);

    public PagePainter painter() {
        return this::paint;
    }
}
