package org.shinsei.scan;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Brings decoded pixels to the two forms the pipeline works with: 8-bit grey ({@code CV_8UC1}) or 8-bit BGR
 * ({@code CV_8UC3}). Deeper samples are scaled to 8 bits, transparency is laid onto white paper, CMYK and
 * palette images become BGR. Grey stays grey so that later stages do not pay for three channels.
 */
final class ImageMats {

    private ImageMats() {
    }

    /** A Java image (ImageIO, PDFBox) as a new Mat. */
    static Mat fromBufferedImage(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return greyBytes(img);
        }
        if (isPlainBgr(img)) {
            Mat m = new Mat(img.getHeight(), img.getWidth(), CvType.CV_8UC3);
            m.put(0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            return m;
        }
        if (cm instanceof IndexColorModel icm) {
            return palette(img, icm);
        }
        if (cm.getNumColorComponents() == 1 && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return greySamples(img, cm);
        }
        return viaRgb(img);
    }

    /**
     * A Mat from {@code Imgcodecs.imdecode(..., IMREAD_UNCHANGED)} in pipeline form. Releases {@code decoded}
     * when it returns a different Mat.
     *
     * @param greySource the file declared a grey image (a grey PNG with transparency decodes to 4 channels)
     */
    static Mat normalise(Mat decoded, boolean greySource) {
        Mat m = decoded;
        if (m.depth() == CvType.CV_16U) {
            Mat eight = new Mat();
            m.convertTo(eight, CvType.CV_8U, 1.0 / 257.0);
            m.release();
            m = eight;
        } else if (m.depth() != CvType.CV_8U) {
            m.release();
            throw new IllegalArgumentException("unsupported sample depth " + CvType.typeToString(decoded.type()));
        }
        if (m.channels() == 2 || m.channels() == 4) {
            Mat flat = alphaOntoWhite(m);
            m.release();
            m = flat;
        }
        if (greySource && m.channels() == 3) {
            Mat grey = new Mat();
            Imgproc.cvtColor(m, grey, Imgproc.COLOR_BGR2GRAY);
            m.release();
            m = grey;
        }
        return m;
    }

    /** Composites the last (alpha) channel onto white: {@code c' = 255 - (255 - c)·a/255}. */
    private static Mat alphaOntoWhite(Mat withAlpha) {
        List<Mat> channels = new ArrayList<>();
        Core.split(withAlpha, channels);
        Mat alpha = channels.remove(channels.size() - 1);
        try {
            for (Mat c : channels) {
                Core.bitwise_not(c, c);
                Core.multiply(c, alpha, c, 1.0 / 255.0);
                Core.bitwise_not(c, c);
            }
            Mat out = new Mat();
            Core.merge(channels, out);
            return out;
        } finally {
            alpha.release();
            channels.forEach(Mat::release);
        }
    }

    private static boolean isPlainBgr(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return false;
        }
        Raster r = img.getRaster();
        if (!(r.getSampleModel() instanceof PixelInterleavedSampleModel sm) || r.getParent() != null
                || r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0) {
            return false;
        }
        int[] offsets = sm.getBandOffsets();
        return sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * img.getWidth()
                && offsets[0] == 2 && offsets[1] == 1 && offsets[2] == 0
                && ((DataBufferByte) r.getDataBuffer()).getData().length == 3 * img.getWidth() * img.getHeight();
    }

    private static Mat greyBytes(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] data = (byte[]) img.getRaster().getDataElements(0, 0, w, h, new byte[w * h]);
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        m.put(0, 0, data);
        return m;
    }

    /** Grey of any bit depth, with or without alpha; samples are scaled, not colour-managed (as OpenCV would). */
    private static Mat greySamples(BufferedImage img, ColorModel cm) {
        int w = img.getWidth();
        int h = img.getHeight();
        Raster r = img.getRaster();
        int max = (1 << cm.getComponentSize(0)) - 1;
        boolean alpha = cm.hasAlpha();
        int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
        int[] v = new int[w];
        int[] a = new int[w];
        byte[] row = new byte[w];
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, v);
            if (alpha) {
                r.getSamples(0, y, w, 1, 1, a);
            }
            for (int x = 0; x < w; x++) {
                double g = v[x] * 255.0 / max;
                if (alpha) {
                    g = 255.0 - (255.0 - g) * a[x] / alphaMax;
                }
                row[x] = (byte) Math.round(g);
            }
            m.put(y, 0, row);
        }
        return m;
    }

    /** A palette image: grey if every entry is grey (e.g. a bilevel fax TIFF), else BGR. */
    private static Mat palette(BufferedImage img, IndexColorModel icm) {
        int n = icm.getMapSize();
        byte[] b = new byte[n];
        byte[] g = new byte[n];
        byte[] rr = new byte[n];
        boolean grey = true;
        for (int i = 0; i < n; i++) {
            int p = icm.getRGB(i);
            int a = p >>> 24;
            rr[i] = onWhite((p >> 16) & 0xFF, a);
            g[i] = onWhite((p >> 8) & 0xFF, a);
            b[i] = onWhite(p & 0xFF, a);
            grey &= rr[i] == g[i] && g[i] == b[i];
        }
        int w = img.getWidth();
        int h = img.getHeight();
        Raster r = img.getRaster();
        int[] idx = new int[w];
        int channels = grey ? 1 : 3;
        byte[] row = new byte[w * channels];
        Mat m = new Mat(h, w, grey ? CvType.CV_8UC1 : CvType.CV_8UC3);
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, idx);
            for (int x = 0; x < w; x++) {
                int i = Math.min(idx[x], n - 1);
                if (grey) {
                    row[x] = g[i];
                } else {
                    row[3 * x] = b[i];
                    row[3 * x + 1] = g[i];
                    row[3 * x + 2] = rr[i];
                }
            }
            m.put(y, 0, row);
        }
        return m;
    }

    /** Anything else (CMYK, 16-bit RGB, RGB with alpha, custom models) through the colour model's sRGB. */
    private static Mat viaRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = new int[w];
        byte[] row = new byte[3 * w];
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                int a = p >>> 24;
                row[3 * x] = onWhite(p & 0xFF, a);
                row[3 * x + 1] = onWhite((p >> 8) & 0xFF, a);
                row[3 * x + 2] = onWhite((p >> 16) & 0xFF, a);
            }
            m.put(y, 0, row);
        }
        return m;
    }

    /** One 8-bit sample with 8-bit alpha laid onto white paper. */
    private static byte onWhite(int c, int a) {
        return a == 255 ? (byte) c : (byte) (255 - ((255 - c) * a + 127) / 255);
    }
}
