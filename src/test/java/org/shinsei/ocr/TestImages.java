package org.shinsei.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Test helpers: BufferedImage ↔ Mat and a line of printed text. */
public final class TestImages {

    private TestImages() {
    }

    /** A grey {@code CV_8UC1} or BGR {@code CV_8UC3} Mat with the image's pixels. */
    public static Mat toMat(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            Mat m = new Mat(img.getHeight(), img.getWidth(), CvType.CV_8UC1);
            m.put(0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            return m;
        }
        BufferedImage bgr = img;
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = bgr.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
        }
        Mat m = new Mat(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
        m.put(0, 0, ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData());
        return m;
    }

    /** The grey version of a Mat (a new Mat; the caller releases it). */
    public static Mat grey(Mat m) {
        Mat g = new Mat();
        if (m.channels() == 1) {
            m.copyTo(g);
        } else {
            Imgproc.cvtColor(m, g, Imgproc.COLOR_BGR2GRAY);
        }
        return g;
    }

    /** One line of text in DejaVu Sans Mono, black on white, {@code heightPx} tall. */
    public static BufferedImage textLine(String text, int heightPx) {
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, (int) Math.round(heightPx * 0.7));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        int width = pg.getFontMetrics(font).stringWidth(text) + heightPx;
        pg.dispose();
        BufferedImage img = new BufferedImage(width, heightPx, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, heightPx);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, heightPx / 2, (int) Math.round(heightPx * 0.75));
        g.dispose();
        return img;
    }
}
