package org.shinsei.photo;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The pasted print as found in the search crop: its centre, its sides along its own axes and its rotation.
 *
 * @param centreX   centre in crop pixels
 * @param centreY   centre in crop pixels
 * @param widthPx   side along the print's own x axis (the more horizontal side)
 * @param heightPx  side along the print's own y axis
 * @param angleDeg  direction of the print's x axis in the crop (image coordinates, y down), within ±45°
 * @param pxPerMm   resolution of the crop
 * @param edgesSeen how many of the four sides were confirmed by a clear step from print to paper (a side
 *                  that is not, e.g. a white shirt on white paper, keeps the rough outline and is less certain)
 */
public record PrintRegion(double centreX, double centreY, double widthPx, double heightPx, double angleDeg,
                          double pxPerMm, int edgesSeen) {

    public double widthMm() {
        return widthPx / pxPerMm;
    }

    public double heightMm() {
        return heightPx / pxPerMm;
    }

    /** The same region in a crop of the same page window at {@code newPxPerMm}. */
    public PrintRegion rescaled(double newPxPerMm) {
        double k = newPxPerMm / pxPerMm;
        // pixel centres: x_new + 0.5 = k (x_old + 0.5)
        return new PrintRegion(k * (centreX + 0.5) - 0.5, k * (centreY + 0.5) - 0.5, k * widthPx, k * heightPx,
                angleDeg, newPxPerMm, edgesSeen);
    }

    /**
     * The print turned upright and cut out of {@code crop} at {@code outPxPerMm}, {@code insetMm} inside its
     * edges so that no paper shows along the border. The caller releases the result.
     */
    public Mat straighten(Mat crop, double outPxPerMm, double insetMm) {
        int w = (int) Math.round((widthMm() - 2 * insetMm) * outPxPerMm);
        int h = (int) Math.round((heightMm() - 2 * insetMm) * outPxPerMm);
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("print too small to straighten: " + w + "x" + h);
        }
        double s = pxPerMm / outPxPerMm;
        double cos = Math.cos(Math.toRadians(angleDeg));
        double sin = Math.sin(Math.toRadians(angleDeg));
        double hw = (w - 1) / 2.0;
        double hh = (h - 1) / 2.0;
        Mat map = new Mat(2, 3, CvType.CV_64F);
        try {
            map.put(0, 0, s * cos, -s * sin, centreX - s * cos * hw + s * sin * hh,
                    s * sin, s * cos, centreY - s * sin * hw - s * cos * hh);
            Mat out = new Mat();
            Imgproc.warpAffine(crop, out, map, new Size(w, h), Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                    Core.BORDER_REPLICATE, new Scalar(0));
            return out;
        } finally {
            map.release();
        }
    }
}
