package org.shinsei.scan;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Small image files of every envelope format, made at test time. */
final class TestFiles {

    private TestFiles() {
    }

    /** A grey page with a gradient and a black disc, so that pixel equality means something. */
    static Mat grey(int w, int h) {
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        byte[] row = new byte[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = (byte) (40 + (x * 200 / w + y * 7) % 210);
            }
            m.put(y, 0, row);
        }
        Imgproc.circle(m, new Point(w / 3.0, h / 3.0), Math.min(w, h) / 6, new Scalar(0), -1);
        return m;
    }

    /** A colour page: the grey pattern in blue, a red square. */
    static Mat colour(int w, int h) {
        Mat g = grey(w, h);
        Mat m = new Mat();
        Imgproc.cvtColor(g, m, Imgproc.COLOR_GRAY2BGR);
        g.release();
        Imgproc.rectangle(m, new Point(w / 2.0, h / 2.0), new Point(w * 0.8, h * 0.8), new Scalar(20, 30, 220), -1);
        return m;
    }

    static byte[] encode(String ext, Mat m, int... params) {
        MatOfByte out = new MatOfByte();
        try {
            Imgcodecs.imencode(ext, m, out, new MatOfInt(params));
            return out.toArray();
        } finally {
            out.release();
        }
    }

    static Mat decode(byte[] bytes) {
        return Imgcodecs.imdecode(new MatOfByte(bytes), Imgcodecs.IMREAD_UNCHANGED);
    }

    /** Inserts a pHYs chunk (pixels per metre) right after IHDR. */
    static byte[] pngWithDpi(byte[] png, double dpi) {
        int ppm = (int) Math.round(dpi / 0.0254);
        ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + 9 + 4);
        chunk.putInt(9).put("pHYs".getBytes()).putInt(ppm).putInt(ppm).put((byte) 1);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + 9);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteBuffer out = ByteBuffer.allocate(png.length + chunk.capacity());
        out.put(png, 0, afterIhdr).put(chunk.array()).put(png, afterIhdr, png.length - afterIhdr);
        return out.array();
    }

    /** Sets the JFIF density of a JPEG written by OpenCV (which writes units 0, "aspect ratio only"). */
    static byte[] jpegWithDpi(byte[] jpeg, int dpi) {
        byte[] out = jpeg.clone();
        if ((out[2] & 0xFF) != 0xFF || (out[3] & 0xFF) != 0xE0 || out[6] != 'J' || out[7] != 'F') {
            throw new IllegalStateException("no JFIF header");
        }
        out[13] = 1;
        out[14] = (byte) (dpi >> 8);
        out[15] = (byte) dpi;
        out[16] = (byte) (dpi >> 8);
        out[17] = (byte) dpi;
        return out;
    }

    static BufferedImage toBufferedImage(Mat m) {
        BufferedImage img = new BufferedImage(m.cols(), m.rows(),
                m.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        m.get(0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        return img;
    }

    /** A multi-page LZW TIFF, each page with the given dpi (or none when null). */
    static byte[] tiff(List<BufferedImage> pages, Integer dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWriter(TiffReader.jdkReader());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
                if (dpi != null) {
                    md = withResolution(md, dpi);
                }
                writer.writeToSequence(new IIOImage(page, null, md), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static IIOMetadata withResolution(IIOMetadata md, int dpi) throws IOException {
        TIFFDirectory dir = TIFFDirectory.createFromMetadata(md);
        BaselineTIFFTagSet base = BaselineTIFFTagSet.getInstance();
        long[][] rational = {{dpi, 1}};
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, rational));
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, rational));
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT), TIFFTag.TIFF_SHORT, 1,
                new char[] {(char) BaselineTIFFTagSet.RESOLUTION_UNIT_INCH}));
        return dir.getAsMetadata();
    }

    static byte[] imageIo(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }
}
