package org.shinsei.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.shinsei.batch.StageTimings;
import org.shinsei.support.OpenCv;

/**
 * The floor of the benchmark: how long it takes merely to decode the scan images of the envelopes to 8-bit grey with
 * native codecs on one thread — OpenCV {@code imdecode} for JPEG and PNG, {@code imdecodemulti} for TIFF, and for a PDF
 * the raw bytes of each page's embedded JPEG. The bytes are read and the PDFs parsed before the clock starts; only
 * decoding is timed.
 */
public final class DecodeFloor {

    /**
     * @param pages       page images decoded
     * @param millis      total decoding time (wall)
     * @param cpuMillis   total decoding time (CPU time of the decoding thread)
     * @param skipped     envelopes whose images could not be taken out of the file as one encoded stream
     */
    public record Result(int pages, double millis, double cpuMillis, int skipped) {
        public double millisPerPage() {
            return pages == 0 ? Double.NaN : millis / pages;
        }

        public double cpuMillisPerPage() {
            return pages == 0 ? Double.NaN : cpuMillis / pages;
        }
    }

    private DecodeFloor() {
    }

    /**
     * Decodes every file's images once, file by file (so that the encoded bytes of only one file are held at a
     * time); the first file is decoded once more, untimed, to warm the codecs up.
     */
    public static Result measure(List<Path> files) throws IOException {
        OpenCv.load();
        int skipped = 0;
        int pages = 0;
        long nanos = 0;
        long cpu = 0;
        boolean warm = false;
        for (Path f : files) {
            List<Encoded> e = encoded(f);
            try {
                if (e.isEmpty()) {
                    skipped++;
                    continue;
                }
                if (!warm) {
                    decodeAll(e);
                    warm = true;
                }
                long t0 = System.nanoTime();
                long c0 = StageTimings.cpuNow();
                pages += decodeAll(e);
                nanos += System.nanoTime() - t0;
                cpu += StageTimings.cpuNow() - c0;
            } finally {
                e.forEach(x -> x.bytes().release());
            }
        }
        return new Result(pages, nanos / 1e6, cpu / 1e6, skipped);
    }

    private record Encoded(MatOfByte bytes, boolean multi) {
    }

    private static int decodeAll(List<Encoded> all) {
        int pages = 0;
        for (Encoded e : all) {
            if (e.multi()) {
                List<Mat> mats = new ArrayList<>();
                Imgcodecs.imdecodemulti(e.bytes(), Imgcodecs.IMREAD_GRAYSCALE, mats);
                pages += mats.size();
                mats.forEach(Mat::release);
            } else {
                Mat m = Imgcodecs.imdecode(e.bytes(), Imgcodecs.IMREAD_GRAYSCALE);
                pages += m.empty() ? 0 : 1;
                m.release();
            }
        }
        return pages;
    }

    private static List<Encoded> encoded(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            List<Encoded> out = new ArrayList<>();
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                for (PDPage page : doc.getPages()) {
                    for (COSName name : page.getResources().getXObjectNames()) {
                        PDXObject x = page.getResources().getXObject(name);
                        if (x instanceof PDImageXObject img && img.getStream().getFilters().contains(COSName.DCT_DECODE)) {
                            try (InputStream in = img.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()))) {
                                out.add(new Encoded(new MatOfByte(in.readAllBytes()), false));
                            }
                        }
                    }
                }
            }
            return out;
        }
        boolean tiff = bytes.length > 2 && (bytes[0] == 'I' && bytes[1] == 'I' || bytes[0] == 'M' && bytes[1] == 'M');
        return List.of(new Encoded(new MatOfByte(bytes), tiff));
    }
}
