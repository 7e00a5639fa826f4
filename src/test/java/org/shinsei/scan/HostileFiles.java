package org.shinsei.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Hostile and broken envelope files, made at test time: mutations of real envelopes (bit flips, truncation,
 * duplicated chunks, header edits) and a fixed list of hand-made ones (bombs, giant headers, bad structures).
 */
final class HostileFiles {

    private HostileFiles() {
    }

    // ---- mutations -------------------------------------------------------------------------------------

    /** One mutation of {@code src}, chosen and placed by {@code rnd}; its name says what was done. */
    record Mutant(String kind, byte[] bytes) {
    }

    static Mutant mutate(byte[] src, Random rnd) {
        int op = rnd.nextInt(6);
        byte[] b = src.clone();
        switch (op) {
            case 0 -> {
                int flips = 1 + rnd.nextInt(32);
                // half of the time in the first 4 KB, where the headers and dictionaries are
                int span = rnd.nextBoolean() ? Math.min(4096, b.length) : b.length;
                for (int i = 0; i < flips; i++) {
                    int at = rnd.nextInt(span);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                return new Mutant("bitflip", b);
            }
            case 1 -> {
                return new Mutant("truncate", java.util.Arrays.copyOf(b, rnd.nextInt(b.length)));
            }
            case 2 -> {
                int len = 1 + rnd.nextInt(Math.min(65536, b.length));
                int from = rnd.nextInt(b.length - len + 1);
                int to = rnd.nextInt(b.length + 1);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, to);
                System.arraycopy(b, from, out, to, len);
                System.arraycopy(b, to, out, to + len, b.length - to);
                return new Mutant("duplicate", out);
            }
            case 3 -> {
                return new Mutant("header", headerEdit(b, rnd));
            }
            case 4 -> {
                int len = 1 + rnd.nextInt(Math.min(16384, b.length));
                int at = rnd.nextInt(b.length - len + 1);
                java.util.Arrays.fill(b, at, at + len, rnd.nextBoolean() ? (byte) 0 : (byte) 0xFF);
                return new Mutant("overwrite", b);
            }
            default -> {
                int len = 1 + rnd.nextInt(Math.min(16384, b.length - 1));
                int at = rnd.nextInt(b.length - len + 1);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                return new Mutant("delete", out);
            }
        }
    }

    private static final int[] INTERESTING = {0, 1, 0x7F, 0x80, 0xFF, 0xFE};

    /** Edits the fields that say how big things are: image dimensions, lengths, offsets, counts. */
    private static byte[] headerEdit(byte[] b, Random rnd) {
        String ascii = new String(b, 0, Math.min(b.length, 8), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("\u0089PNG") && b.length > 24) {
            // IHDR width/height (bytes 16..23), left with a stale CRC half of the time
            putInt(b, 16 + 4 * rnd.nextInt(2), rnd.nextBoolean() ? rnd.nextInt() : 1 + rnd.nextInt(100_000));
            if (rnd.nextBoolean()) {
                fixCrc(b, 12, 17);
            }
            return b;
        }
        if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            int sof = indexOfMarker(b, 0xC0, 0xC2);
            if (sof > 0 && sof + 9 < b.length) {
                int v = rnd.nextBoolean() ? 0xFFFF : rnd.nextInt(0x10000);
                b[sof + 5 + 2 * rnd.nextInt(2)] = (byte) (v >> 8);
                b[sof + 6 + 2 * rnd.nextInt(2)] = (byte) v;
                return b;
            }
        }
        if (ascii.startsWith("%PDF")) {
            String[] keys = {"/Width ", "/Height ", "/Length ", "/Count ", "startxref", "/Size "};
            String key = keys[rnd.nextInt(keys.length)];
            int at = indexOf(b, key.getBytes(StandardCharsets.ISO_8859_1), rnd.nextInt(Math.max(1, b.length / 2)));
            if (at < 0) {
                at = indexOf(b, key.getBytes(StandardCharsets.ISO_8859_1), 0);
            }
            if (at >= 0) {
                int p = at + key.length();
                while (p < b.length && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r')) {
                    p++;
                }
                byte[] digits = String.valueOf(rnd.nextBoolean() ? 99999999 : rnd.nextInt(100000)).getBytes();
                for (int i = 0; i < digits.length && p + i < b.length && Character.isDigit(b[p + i]); i++) {
                    b[p + i] = digits[i];
                }
                return b;
            }
        }
        // TIFF and anything else: interesting values at a few places in the first 1 KB (byte order, IFD offset,
        // entry counts, the first entries' types and values)
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            b[rnd.nextInt(Math.min(1024, b.length))] = (byte) INTERESTING[rnd.nextInt(INTERESTING.length)];
        }
        return b;
    }

    // ---- the hand-made list ------------------------------------------------------------------------------

    /** File name → bytes of every hand-made hostile file (links, FIFOs and folders are made by the test). */
    static Map<String, byte[]> handMade(byte[] sampleJpeg, byte[] samplePdf, byte[] samplePng, byte[] sampleTiff)
            throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("bomb-png-7300x7300-rgba16-zeros.png", pngOfZeros(7300, 7300, 6, 16));
        m.put("bomb-png-7000x7000-grey-zeros.png", pngOfZeros(7000, 7000, 0, 8));
        m.put("giant-ihdr-100000x100000.png", giantPng());
        m.put("giant-sof-65000x65000.jpg", giantJpeg(sampleJpeg));
        m.put("giant-ifd-100000x100000.tif", tiff(100_000, 100_000, 8, 1, false, 1));
        m.put("giant-image-xobject.pdf", pdfWithImage(100_000, 100_000));
        m.put("encrypted-user-password.pdf", TestPdfs.encrypt(TestPdfs.scanPdf(List.of(sampleJpeg), 200), "secret"));
        m.put("pages-5000.pdf", blankPages(5000));
        m.put("zero-bytes.pdf", new byte[0]);
        m.put("javascript-open-action.pdf", withJavaScript(TestPdfs.scanPdf(List.of(sampleJpeg), 200)));
        m.put("broken-xref.pdf", brokenXref(samplePdf));
        m.put("page-without-image.pdf", blankPages(1));
        m.put("content-stream-bomb.pdf", contentBomb());
        m.put("tiff-ifd-loop.tif", tiff(64, 64, 8, 1, true, 1));
        m.put("tiff-huge-strip.tif", tiff(2000, 2000, 8, 1, false, 0x7FFF_FFF0L));
        m.put("tiff-10000-ifds.tif", manyIfds(10_000));
        m.put("tiff-ifd-past-end.tif", ifdPastEnd());
        m.put("truncated-half.jpg", java.util.Arrays.copyOf(sampleJpeg, sampleJpeg.length / 2));
        m.put("truncated-half.png", java.util.Arrays.copyOf(samplePng, samplePng.length / 2));
        m.put("truncated-half.tif", java.util.Arrays.copyOf(sampleTiff, sampleTiff.length / 2));
        m.put("png-named-as.pdf", samplePng);
        m.put("jpeg-named-as.tif", sampleJpeg);
        m.put("cmyk.jpg", cmykJpeg());
        m.put("rgb-16bit.png", TestFiles.encode(".png", deep(CvType.CV_16UC3)));
        m.put("rgba-alpha.png", TestFiles.encode(".png", new Mat(300, 400, CvType.CV_8UC4, new Scalar(10, 20, 30, 128))));
        m.put("grey-16bit.tif", tiff16());
        m.put("not-an-image.txt", "見本 太郎 〒1000001 東京都千代田区見本町1-2-3 09012345678\n".getBytes(StandardCharsets.UTF_8));
        Random r = new Random(1);
        byte[] noise = new byte[20_000];
        r.nextBytes(noise);
        m.put("random-noise.jpg", noise);
        m.put("only-magic.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        m.put("only-magic.png", java.util.Arrays.copyOf(samplePng, 8));
        m.put("only-magic.tif", new byte[] {'I', 'I', 42, 0});
        return m;
    }

    /** Odd but legal file names, each given a copy of a real envelope. */
    static List<String> oddNames() {
        return List.of(
                "with space and 名前 ünïcödé.jpg",
                "semi;colon 'single' \"double\" $(touch pwned) `x` & | > out.jpg",
                "dots..in..the..name...jpg",
                "....jpg",
                "-dash-first.jpg",
                "new\nline\tand\rcontrol.jpg",
                "\u202Eright-to-left-override.gpj.jpg",
                "long-" + "x".repeat(230) + ".jpg",
                "back\\slash.jpg",
                "%s %n {} ${jndi:ldap:x}.jpg");
    }

    // ---- builders ---------------------------------------------------------------------------------------

    private static Mat deep(int type) {
        Mat m = new Mat(300, 400, type, new Scalar(30000, 40000, 50000));
        return m;
    }

    /** A valid PNG of zeros: the compressed data is ~1/1000 of the pixels. Streamed, never held in memory. */
    static byte[] pngOfZeros(int w, int h, int colourType, int bitDepth) throws IOException {
        int channels = switch (colourType) {
            case 0 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw new IllegalArgumentException();
        };
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (OutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[1 + w * channels * bitDepth / 8];
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) bitDepth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] giantPng() throws IOException {
        byte[] small = pngOfZeros(16, 16, 0, 8);
        putInt(small, 16, 100_000);
        putInt(small, 20, 100_000);
        fixCrc(small, 12, 17);
        return small;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** Recomputes the CRC of the chunk whose type starts at {@code typeAt} with {@code dataLength} bytes... */
    private static void fixCrc(byte[] png, int typeAt, int typeAndDataLength) {
        CRC32 crc = new CRC32();
        crc.update(png, typeAt, typeAndDataLength);
        putInt(png, typeAt + typeAndDataLength, (int) crc.getValue());
    }

    private static byte[] giantJpeg(byte[] jpeg) {
        byte[] b = jpeg.clone();
        int sof = indexOfMarker(b, 0xC0, 0xC2);
        if (sof < 0) {
            throw new IllegalStateException("no SOF in the sample JPEG");
        }
        b[sof + 5] = (byte) 0xFD;
        b[sof + 6] = (byte) 0xE8;
        b[sof + 7] = (byte) 0xFD;
        b[sof + 8] = (byte) 0xE8;
        return b;
    }

    /**
     * A little-endian TIFF with one grey strip: {@code w}×{@code h} declared, 64 bytes of data, the strip's byte
     * count as given; {@code loop}: the IFD's next-IFD offset points to itself.
     */
    private static byte[] tiff(long w, long h, int bits, int samples, boolean loop, long stripBytes) {
        int entries = 8;
        int ifd = 8;
        int data = ifd + 2 + entries * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(data + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        b.putShort((short) entries);
        entry(b, 256, 4, w);           // ImageWidth
        entry(b, 257, 4, h);           // ImageLength
        entry(b, 258, 3, bits);        // BitsPerSample
        entry(b, 259, 3, 1);           // no compression
        entry(b, 262, 3, 1);           // BlackIsZero
        entry(b, 273, 4, data);        // StripOffsets
        entry(b, 277, 3, samples);     // SamplesPerPixel
        entry(b, 279, 4, stripBytes);  // StripByteCounts
        b.putInt(loop ? ifd : 0);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, long value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt((int) value);
        }
    }

    /** A chain of {@code n} tiny image directories. */
    private static byte[] manyIfds(int n) {
        int entries = 8;
        int ifdSize = 2 + entries * 12 + 4;
        int dataAt = 8 + n * ifdSize;
        ByteBuffer b = ByteBuffer.allocate(dataAt + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        for (int i = 0; i < n; i++) {
            b.putShort((short) entries);
            entry(b, 256, 4, 4);
            entry(b, 257, 4, 4);
            entry(b, 258, 3, 8);
            entry(b, 259, 3, 1);
            entry(b, 262, 3, 1);
            entry(b, 273, 4, dataAt);
            entry(b, 277, 3, 1);
            entry(b, 279, 4, 16);
            b.putInt(i == n - 1 ? 0 : 8 + (i + 1) * ifdSize);
        }
        return b.array();
    }

    private static byte[] ifdPastEnd() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0x7FFF_0000);
        return b.array();
    }

    private static byte[] tiff16() throws IOException {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                img.getRaster().setSample(x, y, 0, (x * 160) & 0xFFFF);
            }
        }
        return TestFiles.tiff(List.of(img), 300);
    }

    /** A 4-channel (CMYK) JPEG written by ImageIO from a raster. */
    private static byte[] cmykJpeg() throws IOException {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 400, 300, 4, null);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                raster.setPixel(x, y, new int[] {x % 256, y % 256, 40, 10});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PDF page drawing one image XObject whose dictionary declares {@code w}×{@code h} over 64 bytes of data. */
    private static byte[] pdfWithImage(long w, long h) {
        String content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> "
                    + "/Contents 4 0 R >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /XObject /Subtype /Image /Width " + w + " /Height " + h
                    + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n" + "\0".repeat(64) + "\nendstream"};
        return rawPdf(objects);
    }

    private static byte[] rawPdf(String[] objects) {
        StringBuilder sb = new StringBuilder("%PDF-1.7\n");
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = sb.length();
            sb.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = sb.length();
        sb.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (long o : offsets) {
            sb.append(String.format("%010d 00000 n \n", o));
        }
        sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] blankPages(int n) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < n; i++) {
                doc.addPage(new PDPage(PDRectangle.A4));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] withJavaScript(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript(
                    "app.alert('hostile'); while (true) {}"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Every xref offset of the sample PDF replaced by zeros, and startxref pointing nowhere. */
    private static byte[] brokenXref(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        s = s.replaceAll("(?m)^\\d{10} (\\d{5}) n", "0000000000 $1 n");
        s = s.replaceAll("startxref\\s+\\d+", "startxref\n999999999");
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One page whose Flate-compressed content stream inflates to 40 MB of spaces. */
    private static byte[] contentBomb() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDStream stream = new PDStream(doc);
            try (OutputStream out = stream.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 40; i++) {
                    out.write(spaces);
                }
            }
            page.setContents(stream);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    // ---- bytes --------------------------------------------------------------------------------------------

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int indexOfMarker(byte[] b, int... markers) {
        for (int i = 2; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF) {
                for (int m : markers) {
                    if ((b[i + 1] & 0xFF) == m) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }
}
