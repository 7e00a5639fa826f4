package org.shinsei.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.shinsei.support.OpenCv;

/** A colour JPEG with 4:2:0 chroma is decoded as full-resolution luma plus half-resolution colour; others whole. */
class JpegBytesTest {

    static {
        OpenCv.load();
    }

    /** A 601 × 801 colour page with thin green lines, red and blue patches and black text-like strokes. */
    static Mat colourPage() {
        Mat m = new Mat(801, 601, CvType.CV_8UC3, new Scalar(240, 242, 245));
        for (int y = 40; y < 760; y += 37) {
            Imgproc.line(m, new Point(20, y), new Point(580, y), new Scalar(120, 180, 60), 2);
        }
        Imgproc.rectangle(m, new Point(300, 100), new Point(500, 330), new Scalar(40, 60, 200), -1);
        Imgproc.circle(m, new Point(150, 500), 80, new Scalar(200, 90, 30), -1);
        Imgproc.putText(m, "0123 4567", new Point(60, 700), Imgproc.FONT_HERSHEY_SIMPLEX, 1.5, new Scalar(20, 20, 20), 3);
        return m;
    }

    static byte[] jpeg(Mat image, int sampling) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 80,
                Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, sampling));
        byte[] bytes = out.toArray();
        out.release();
        return bytes;
    }

    @Test
    void colour420IsSplitIntoLumaAndHalfResolutionColour() {
        Mat page = colourPage();
        byte[] bytes = jpeg(page, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420);
        assertThat(JpegBytes.chromaHalved(bytes)).isTrue();
        try (ScanPage whole = JpegBytes.page(1, bytes, 300.0, false)) {
            assertThat(whole.chroma()).as("not split unless asked").isNull();
            assertThat(whole.image().channels()).isEqualTo(3);
        }
        try (ScanPage split = JpegBytes.page(1, bytes, 300.0, true)) {
            Mat whole = JpegBytes.decode(bytes);
            Mat grey = new Mat();
            Imgproc.cvtColor(whole, grey, Imgproc.COLOR_BGR2GRAY);
            assertThat(split.colour()).isTrue();
            assertThat(split.image().channels()).isEqualTo(1);
            assertThat(split.image().size()).isEqualTo(whole.size());
            assertThat(split.chroma().cols()).isEqualTo(301);
            assertThat(split.chroma().rows()).isEqualTo(401);
            Mat diff = new Mat();
            Core.absdiff(split.image(), grey, diff);
            assertThat(Core.mean(diff).val[0]).as("luma = the full decode's grey").isLessThan(0.6);
            whole.release();
            grey.release();
            diff.release();
        }
        page.release();
    }

    @Test
    void otherStreamsAreDecodedWhole() {
        Mat page = colourPage();
        byte[] full = jpeg(page, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444);
        assertThat(JpegBytes.chromaHalved(full)).isFalse();
        try (ScanPage p = JpegBytes.page(1, full, null, true)) {
            assertThat(p.chroma()).isNull();
            assertThat(p.image().channels()).isEqualTo(3);
        }
        Mat grey = new Mat();
        Imgproc.cvtColor(page, grey, Imgproc.COLOR_BGR2GRAY);
        byte[] greyJpeg = jpeg(grey, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420);
        assertThat(JpegBytes.chromaHalved(greyJpeg)).isFalse();
        try (ScanPage p = JpegBytes.page(1, greyJpeg, null, true)) {
            assertThat(p.chroma()).isNull();
            assertThat(p.image().channels()).isEqualTo(1);
        }
        assertThat(JpegBytes.chromaHalved(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isFalse();
        assertThat(JpegBytes.page(1, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, null, true)).isNull();
        page.release();
        grey.release();
    }
}
