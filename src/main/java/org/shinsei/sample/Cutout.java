package org.shinsei.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.awt.image.BufferedImage;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.shinsei.support.OpenCv;

/** Lifts a person out of a photo with OpenCV GrabCut, to set them on another background. */
final class Cutout {

    private static final int ITERATIONS = 5;
    /** GrabCut seeds its colour models with k-means on OpenCV's per-thread RNG: fix it so prints are repeatable. */
    private static final int RNG_SEED = 20261128;

    private Cutout() {
    }

    /**
     * @param person         a rectangle holding the person; everything outside it is background
     * @param sureForeground areas known to be the person (face, neck, torso): dark clothes against a dark
     *                       backdrop are otherwise lost
     * @param sureBackground areas inside {@code person} known to be background (a flag beside the head)
     * @return the person alone: an ARGB image, transparent where the background was, edges feathered over ~1 px
     */
    static BufferedImage person(BufferedImage src, Rectangle person, List<Shape> sureForeground,
                                List<Shape> sureBackground) {
        OpenCv.load();
        Mat img = toBgr(src);
        Mat mask = seedMask(src.getWidth(), src.getHeight(), person, sureForeground, sureBackground);
        Mat bgModel = new Mat();
        Mat fgModel = new Mat();
        Mat fg = new Mat();
        Mat alpha = new Mat();
        Mat bit0 = new Mat();
        try {
            Core.setRNGSeed(RNG_SEED);
            Imgproc.grabCut(img, mask, new Rect(person.x, person.y, person.width, person.height), bgModel, fgModel,
                    ITERATIONS, Imgproc.GC_INIT_WITH_MASK);
            // GC_FGD = 1, GC_PR_FGD = 3: both have bit 0 set
            bit0.create(mask.size(), mask.type());
            bit0.setTo(new Scalar(1));
            Core.bitwise_and(mask, bit0, fg);
            fg.convertTo(alpha, CvType.CV_32F);
            Imgproc.GaussianBlur(alpha, alpha, new Size(0, 0), 1.0);
            return withAlpha(src, alpha);
        } finally {
            img.release();
            mask.release();
            bgModel.release();
            fgModel.release();
            fg.release();
            alpha.release();
            bit0.release();
        }
    }

    private static Mat seedMask(int w, int h, Rectangle person, List<Shape> fg, List<Shape> bg) {
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = m.createGraphics();
        try {
            g.setColor(grey(Imgproc.GC_BGD));
            g.fillRect(0, 0, w, h);
            g.setColor(grey(Imgproc.GC_PR_FGD));
            g.fill(person);
            g.setColor(grey(Imgproc.GC_BGD));
            bg.forEach(g::fill);
            g.setColor(grey(Imgproc.GC_FGD));
            fg.forEach(g::fill);
        } finally {
            g.dispose();
        }
        Mat mask = new Mat(h, w, CvType.CV_8UC1);
        mask.put(0, 0, ((DataBufferByte) m.getRaster().getDataBuffer()).getData());
        return mask;
    }

    private static Color grey(int level) {
        return new Color(level, level, level);
    }

    private static BufferedImage withAlpha(BufferedImage src, Mat alpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        float[] a = new float[w * h];
        alpha.get(0, 0, a);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = Math.round(255 * Math.max(0, Math.min(1, a[y * w + x])));
                out.setRGB(x, y, k << 24 | (src.getRGB(x, y) & 0xFFFFFF));
            }
        }
        return out;
    }

    private static Mat toBgr(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        byte[] data = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = src.getRGB(x, y);
                int o = (y * w + x) * 3;
                data[o] = (byte) p;
                data[o + 1] = (byte) (p >> 8);
                data[o + 2] = (byte) (p >> 16);
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, data);
        return m;
    }
}
