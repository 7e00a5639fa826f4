package org.shinsei.sample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/** Sensor and optics: colour or grey, Gaussian blur, Gaussian noise, JPEG artefacts. Deterministic for a seed. */
final class ScanDegradation {

    private static final int GAUSS_TABLE = 1 << 16;

    private ScanDegradation() {
    }

    static BufferedImage apply(BufferedImage rgb, ScanConditions c, long seed) {
        BufferedImage img = c.colour() ? toBgr(rgb) : toGrey(rgb);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int channels = c.colour() ? 3 : 1;
        if (c.blurSigma() >= 0.3) {
            blur(data, img.getWidth(), img.getHeight(), channels, c.blurSigma());
        }
        if (c.noiseSigma() > 0) {
            noise(data, c.noiseSigma(), seed);
        }
        return c.jpegQuality() > 0 ? jpegRoundTrip(img, c.jpegQuality()) : img;
    }

    static BufferedImage toBgr(BufferedImage rgb) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int w = rgb.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < rgb.getHeight(); y++) {
            rgb.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w * 3;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                d[o++] = (byte) p;
                d[o++] = (byte) (p >> 8);
                d[o++] = (byte) (p >> 16);
            }
        }
        return out;
    }

    /** ITU-R BT.601 luma, as OpenCV's {@code COLOR_BGR2GRAY}. */
    static BufferedImage toGrey(BufferedImage rgb) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] d = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int w = rgb.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < rgb.getHeight(); y++) {
            rgb.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int luma = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff) + 500) / 1000;
                d[o++] = (byte) luma;
            }
        }
        return out;
    }

    /** Separable Gaussian blur in place on interleaved 8-bit samples. */
    static void blur(byte[] data, int w, int h, int channels, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        int[] kernel = new int[2 * radius + 1];
        double sum = 0;
        double[] k = new double[kernel.length];
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            kernel[i] = (int) Math.round(k[i] / sum * 65536);
        }
        byte[] tmp = new byte[data.length];
        int stride = w * channels;
        for (int y = 0; y < h; y++) {
            int base = y * stride;
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < channels; ch++) {
                    long acc = 0;
                    for (int i = -radius; i <= radius; i++) {
                        int xx = Math.min(w - 1, Math.max(0, x + i));
                        acc += (long) kernel[i + radius] * (data[base + xx * channels + ch] & 0xff);
                    }
                    tmp[base + x * channels + ch] = (byte) Math.min(255, (acc + 32768) >> 16);
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int i0 = 0; i0 < stride; i0++) {
                long acc = 0;
                for (int i = -radius; i <= radius; i++) {
                    int yy = Math.min(h - 1, Math.max(0, y + i));
                    acc += (long) kernel[i + radius] * (tmp[yy * stride + i0] & 0xff);
                }
                data[y * stride + i0] = (byte) Math.min(255, (acc + 32768) >> 16);
            }
        }
    }

    static void noise(byte[] data, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] table = new int[GAUSS_TABLE];
        java.util.Random gauss = new java.util.Random(seed);
        for (int i = 0; i < table.length; i++) {
            table[i] = (int) Math.round(gauss.nextGaussian() * sigma);
        }
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xff) + table[r.nextInt(GAUSS_TABLE)];
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    static BufferedImage jpegRoundTrip(BufferedImage img, int quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            EnvelopeWriter.writeJpeg(bytes, img, null, quality / 100f);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            if (back.getType() == img.getType()) {
                return back;
            }
            BufferedImage same = new BufferedImage(back.getWidth(), back.getHeight(), img.getType());
            same.getGraphics().drawImage(back, 0, 0, null);
            return same;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG round trip failed", e);
        }
    }
}
