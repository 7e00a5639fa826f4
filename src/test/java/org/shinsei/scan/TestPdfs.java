package org.shinsei.scan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** PDF envelopes made at test time. */
final class TestPdfs {

    private TestPdfs() {
    }

    /** One page per JPEG, each page exactly the image's size at {@code dpi}. */
    static byte[] scanPdf(List<byte[]> jpegs, double dpi) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (byte[] jpeg : jpegs) {
                PDImageXObject image = JPEGFactory.createFromByteArray(doc, jpeg);
                float w = (float) (image.getWidth() * 72 / dpi);
                float h = (float) (image.getHeight() * 72 / dpi);
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, w, h);
                }
            }
            return save(doc);
        }
    }

    /** An A4 page drawn with vectors and text: a filled black rectangle 20 mm from the top-left corner. */
    static byte[] vectorPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float mm = 72 / 25.4f;
                cs.addRect(20 * mm, PDRectangle.A4.getHeight() - 40 * mm, 20 * mm, 20 * mm);
                cs.fill();
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(60 * mm, PDRectangle.A4.getHeight() - 30 * mm);
                cs.showText("Shinsei");
                cs.endText();
            }
            return save(doc);
        }
    }

    /** An A4 page with one JPEG drawn over its top half only: not a page-covering scan. */
    static byte[] partialImagePdf(byte[] jpeg) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromByteArray(doc, jpeg);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float h = PDRectangle.A4.getHeight() / 2;
                cs.drawImage(image, 0, h, PDRectangle.A4.getWidth(), h);
            }
            return save(doc);
        }
    }

    /** A page covered by one Flate-compressed DeviceCMYK image of a single colour. */
    static byte[] cmykPdf(int w, int h, int c, int m, int y, int k) throws IOException {
        byte[] raw = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            raw[4 * i] = (byte) c;
            raw[4 * i + 1] = (byte) m;
            raw[4 * i + 2] = (byte) y;
            raw[4 * i + 3] = (byte) k;
        }
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(deflate(raw)), COSName.FLATE_DECODE,
                    w, h, 8, PDDeviceCMYK.INSTANCE);
            PDPage page = new PDPage(new PDRectangle(w * 72f / 300, h * 72f / 300));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            return save(doc);
        }
    }

    static byte[] encrypt(byte[] pdf, String userPassword) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
