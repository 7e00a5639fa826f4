package org.shinsei.registration;

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
import org.shinsei.form.MmRect;
import org.shinsei.support.OpenCv;

/**
 * A colour crop put together from full-resolution luma and half-resolution colour is the crop of the whole colour
 * decode, pixel for pixel but for the few pixels next to clipped colour, for a turned, skewed page.
 */
class RegisteredPageCropTest {

    static {
        OpenCv.load();
    }

    @Test
    void lumaPlusHalfColourCropEqualsTheFullColourCrop() {
        Mat page = new Mat(1200, 900, CvType.CV_8UC3, new Scalar(238, 240, 242));
        for (int y = 60; y < 1150; y += 45) {
            Imgproc.line(page, new Point(30, y), new Point(870, y), new Scalar(110, 175, 70), 3);
        }
        Imgproc.rectangle(page, new Point(420, 200), new Point(760, 560), new Scalar(50, 70, 210), -1);
        Imgproc.circle(page, new Point(250, 800), 120, new Scalar(205, 95, 35), -1);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", page, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 85));
        Mat full = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_COLOR);
        Mat grey = new Mat();
        Imgproc.cvtColor(full, grey, Imgproc.COLOR_BGR2GRAY);
        Mat luma = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_GRAYSCALE);
        Mat chroma = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_REDUCED_COLOR_2);
        // 4 px/mm, turned a little and shifted
        double k = 4.0;
        double a = Math.toRadians(2.5);
        PageTransform t = new PageTransform(k * Math.cos(a), -k * Math.sin(a), 40, k * Math.sin(a), k * Math.cos(a), 25);
        RegisteredPage whole = new RegisteredPage(1, full, grey, t, 0, 2.5, 101.6, null);
        RegisteredPage split = new RegisteredPage(1, luma, luma, t, 0, 2.5, 101.6, null, chroma);
        assertThat(split.colour()).isTrue();
        MmRect rect = new MmRect(20, 20, 170, 240);
        Mat c1 = whole.cropImage(rect, 5);
        Mat c2 = split.cropImage(rect, 5);
        Mat diff = new Mat();
        Core.absdiff(c1, c2, diff);
        Scalar mean = Core.mean(diff);
        double unequal = Core.countNonZero(diff.reshape(1)) / (3.0 * diff.total());
        System.out.printf("split vs whole colour crop: %.4f %% of samples differ, mean %s%n", 100 * unequal, mean);
        assertThat(unequal).as("share of samples that differ from the whole decode's crop").isLessThan(0.002);
        for (int ch = 0; ch < 3; ch++) {
            assertThat(mean.val[ch]).as("mean difference, channel " + ch).isLessThan(0.01);
        }
        // a crop inside the region rebuilt last reads the kept pixels, and is the same as when rebuilt for itself
        MmRect inner = new MmRect(60, 90, 40, 30);
        Mat kept = split.cropImage(inner, 5);
        assertThat(split.rebuilt().rect().width).as("the big region is kept").isGreaterThan(600);
        try (RegisteredPage fresh = new RegisteredPage(1, luma.clone(), luma.clone(), t, 0, 2.5, 101.6, null, chroma.clone())) {
            Mat own = fresh.cropImage(inner, 5);
            assertThat(fresh.rebuilt().rect().width).isLessThan(250);
            Core.absdiff(kept, own, diff);
            assertThat(Core.countNonZero(diff.reshape(1))).isZero();
            own.release();
        }
        kept.release();
        // and a shifted colour copy would show: moving the half-resolution copy by one pixel breaks the agreement
        Mat shifted = new Mat();
        Imgproc.warpAffine(chroma, shifted, new Mat(2, 3, CvType.CV_64F) {
            {
                put(0, 0, 1, 0, 1, 0, 1, 1);
            }
        }, chroma.size(), Imgproc.INTER_NEAREST, Core.BORDER_REPLICATE);
        RegisteredPage off = new RegisteredPage(1, luma, luma, t, 0, 2.5, 101.6, null, shifted);
        Mat c3 = off.cropImage(rect, 5);
        Core.absdiff(c1, c3, diff);
        assertThat(Core.mean(diff).val[2]).isGreaterThan(0.5);
        whole.close();
        split.close();
        off.close();
    }

    @Test
    void theRebuiltRegionIsTheWholeDecodeExceptNearClippedColour() {
        // as scanned: a tinted paper, the dropout green and ballpoint colours a little washed out
        assertRebuilt(new Scalar(120, 172, 75), 0.002);
        // printed colour at full strength clips a channel at 0 along every line: exact away from it
        assertRebuilt(new Scalar(110, 150, 0), 0.03);
    }

    private static void assertRebuilt(Scalar green, double maxUnequal) {
        // odd sides: the last chroma row and column cover one pixel row and column
        Mat page = new Mat(701, 501, CvType.CV_8UC3, new Scalar(236, 241, 244));
        for (int y = 30; y < 680; y += 29) {
            Imgproc.line(page, new Point(15, y), new Point(485, y), green, 3);
        }
        Imgproc.rectangle(page, new Point(200, 80), new Point(420, 300), new Scalar(60, 80, 200), -1);
        Imgproc.circle(page, new Point(150, 450), 90, new Scalar(190, 120, 40), -1);
        Imgproc.putText(page, "0123", new Point(60, 640), Imgproc.FONT_HERSHEY_SIMPLEX, 2, new Scalar(170, 60, 40), 4);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", page, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 90));
        Mat full = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_COLOR);
        Mat luma = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_GRAYSCALE);
        Mat chroma = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_REDUCED_COLOR_2);
        // odd corners, and the page's own edges
        int[][] regions = {{0, 0, 501, 701}, {37, 51, 289, 404}, {1, 3, 2, 4}, {470, 660, 501, 701}, {499, 698, 501, 701}};
        for (int[] r : regions) {
            Mat rebuilt = JpegColour.region(luma, chroma, r[0], r[1], r[2], r[3]);
            Mat diff = new Mat();
            Core.absdiff(rebuilt, full.submat(r[1], r[3], r[0], r[2]), diff);
            double unequal = Core.countNonZero(diff.reshape(1)) / (3.0 * diff.total());
            assertThat(unequal).as("share of samples that differ in " + java.util.Arrays.toString(r)).isLessThan(maxUnequal);
            assertThat(Core.minMaxLoc(diff.reshape(1)).maxVal).isLessThanOrEqualTo(16);
            rebuilt.release();
            diff.release();
        }
        page.release();
        full.release();
        luma.release();
        chroma.release();
        jpeg.release();
    }
}
