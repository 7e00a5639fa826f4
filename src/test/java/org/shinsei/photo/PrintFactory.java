package org.shinsei.photo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Photo prints made at test time from the shared faces: compliant ones framed per the rules, and the
 * defective ones the photo stage must catch. Prints are BGR at {@link #PX_PER_MM}.
 */
final class PrintFactory {

    static final double PX_PER_MM = 20;
    static final double WIDTH_MM = 35;
    static final double HEIGHT_MM = 45;

    /** Where the head goes on the print: crown to chin, crown below the top edge, centre offset, roll. */
    record Framing(double crownChinMm, double topMm, double offsetMm, double rollDeg) {
        static final Framing COMPLIANT = new Framing(34, 4, 0, 0);
    }

    /** Hat shapes; the first five are the evaluation's original set ({@link #FIRST_STYLES}). */
    enum HatStyle { CAP, BEANIE, WIDE_BRIM, BERET, HEADSCARF, BUCKET, HOOD, TURBAN, SCARF_TIED, BRIMMED_CAP }

    static final List<HatStyle> FIRST_STYLES = List.of(HatStyle.CAP, HatStyle.BEANIE, HatStyle.WIDE_BRIM,
            HatStyle.BERET, HatStyle.HEADSCARF);

    /** The fabric's surface: plain, or a pattern in a darker and a lighter shade of the colour. */
    enum Pattern { PLAIN, STRIPES, CHECKS, DOTS, KNIT, PAISLEY }

    private PrintFactory() {
    }

    static Mat framed(FaceSamples.Face f, Framing fr) {
        return framed(f.bgr(), f.centreX(), f.crownY(), f.chinY(), f.eyeY(), fr, WIDTH_MM, Core.BORDER_REPLICATE);
    }

    /** Warps {@code src} so that the head (crown, chin, centre column) lands where {@code fr} says. */
    static Mat framed(Mat src, double cx, double crownY, double chinY, double eyeY, Framing fr, double widthMm,
                      int border) {
        Mat map = frameMap(cx, crownY, chinY, eyeY, fr, widthMm);
        Mat out = new Mat();
        Imgproc.warpAffine(src, out, map, new Size(widthMm * PX_PER_MM, HEIGHT_MM * PX_PER_MM), Imgproc.INTER_LINEAR,
                border, new Scalar(0, 0, 0));
        map.release();
        return out;
    }

    static Mat frameMap(double cx, double crownY, double chinY, double eyeY, Framing fr, double widthMm) {
        double k = fr.crownChinMm() * PX_PER_MM / (chinY - crownY);
        double tx = (widthMm / 2 + fr.offsetMm()) * PX_PER_MM - k * cx;
        double ty = fr.topMm() * PX_PER_MM - k * crownY;
        Mat scale = new Mat(3, 3, CvType.CV_64F);
        scale.put(0, 0, k, 0, tx, 0, k, ty, 0, 0, 1);
        Point eye = new Point(k * cx + tx, k * eyeY + ty);
        Mat rot = Imgproc.getRotationMatrix2D(eye, -fr.rollDeg(), 1);
        Mat rot3 = Mat.eye(3, 3, CvType.CV_64F);
        rot.copyTo(rot3.rowRange(0, 2));
        Mat all = new Mat();
        Core.gemm(rot3, scale, 1, new Mat(), 0, all);
        Mat out = all.rowRange(0, 2).clone();
        scale.release();
        rot.release();
        rot3.release();
        all.release();
        return out;
    }

    /** Two people side by side, each framed in half the width. */
    static Mat twoFaces(FaceSamples.Face a, FaceSamples.Face b) {
        Framing half = new Framing(24, 5, 0, 0);
        Mat left = framed(a.bgr(), a.centreX(), a.crownY(), a.chinY(), a.eyeY(), half, WIDTH_MM / 2, Core.BORDER_REFLECT_101);
        Mat right = framed(b.bgr(), b.centreX(), b.crownY(), b.chinY(), b.eyeY(), half, WIDTH_MM / 2, Core.BORDER_REFLECT_101);
        Mat out = new Mat();
        Core.hconcat(List.of(left, right), out);
        left.release();
        right.release();
        return out;
    }

    /** A plain face cut out of its background and put in front of {@code scenery}. */
    static Mat composite(FaceSamples.Face f, Mat scenery) {
        return composite(f, scenery, 0.5, false);
    }

    /** As above, over the part of the scene at {@code along} (0–1 along its longer side), mirrored if asked. */
    static Mat composite(FaceSamples.Face f, Mat scenery, double along, boolean flip) {
        Mat mask = personMask(f.bgr());
        Mat print = framed(f, Framing.COMPLIANT);
        Mat m = framed(mask, f.centreX(), f.crownY(), f.chinY(), f.eyeY(), Framing.COMPLIANT, WIDTH_MM,
                Core.BORDER_REPLICATE);
        Mat back = fill(scenery, along, flip);
        Mat alpha = new Mat();
        m.convertTo(alpha, CvType.CV_32FC3, 1 / 255.0);
        Imgproc.GaussianBlur(alpha, alpha, new Size(5, 5), 0);
        Mat out = blend(print, back, alpha);
        for (Mat x : new Mat[] {mask, print, m, back, alpha}) {
            x.release();
        }
        return out;
    }

    /** A scene (no person) cut to the print's aspect and size. */
    static Mat fill(Mat scene) {
        return fill(scene, 0.5, false);
    }

    /** A print-shaped cut of {@code scene} at {@code along} (0–1) along its longer side, mirrored if asked. */
    static Mat fill(Mat scene, double along, boolean flip) {
        double aspect = WIDTH_MM / HEIGHT_MM;
        int w = scene.cols();
        int h = scene.rows();
        Rect r = w > h * aspect ? new Rect((int) ((w - h * aspect) * along), 0, (int) (h * aspect), h)
                : new Rect(0, (int) ((h - w / aspect) * along), w, (int) (w / aspect));
        Mat sub = scene.submat(r);
        Mat out = new Mat();
        Imgproc.resize(sub, out, new Size(WIDTH_MM * PX_PER_MM, HEIGHT_MM * PX_PER_MM), 0, 0, Imgproc.INTER_AREA);
        sub.release();
        if (flip) {
            Core.flip(out, out, 1);
        }
        return out;
    }

    /**
     * 3-channel 0/255 mask of the person on a plain face image: everything a flood fill from the top and
     * the upper sides does not reach (neighbour-relative fill, so the vignetted background is followed).
     */
    static Mat personMask(Mat bgr) {
        Mat smooth = new Mat();
        Imgproc.GaussianBlur(bgr, smooth, new Size(5, 5), 0);
        Mat fill = Mat.zeros(bgr.rows() + 2, bgr.cols() + 2, CvType.CV_8UC1);
        Scalar tol = new Scalar(3, 3, 3);
        int flags = 4 | (255 << 8) | Imgproc.FLOODFILL_MASK_ONLY;
        for (int x = 0; x < bgr.cols(); x += 20) {
            seed(smooth, fill, new Point(x, 0), tol, flags);
        }
        for (int y = 0; y < bgr.rows() / 2; y += 20) {
            seed(smooth, fill, new Point(0, y), tol, flags);
            seed(smooth, fill, new Point(bgr.cols() - 1, y), tol, flags);
        }
        Mat bgMask = fill.submat(1, bgr.rows() + 1, 1, bgr.cols() + 1);
        Mat person = new Mat();
        Core.bitwise_not(bgMask, person);
        Imgproc.morphologyEx(person, person, Imgproc.MORPH_OPEN,
                Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
        Mat out = new Mat();
        Imgproc.cvtColor(person, out, Imgproc.COLOR_GRAY2BGR);
        smooth.release();
        fill.release();
        bgMask.release();
        person.release();
        return out;
    }

    private static void seed(Mat img, Mat fill, Point p, Scalar tol, int flags) {
        if (fill.get((int) p.y + 1, (int) p.x + 1)[0] == 0) {
            Imgproc.floodFill(img, fill, p, new Scalar(0), null, tol, tol, flags);
        }
    }

    static Mat blurred(Mat print, double sigmaMm) {
        Mat out = new Mat();
        Imgproc.GaussianBlur(print, out, new Size(0, 0), sigmaMm * PX_PER_MM);
        return out;
    }

    /** out = in × gain + offset: gain &lt; 1 darkens (offset 0) or washes out (offset toward 255). */
    static Mat exposed(Mat print, double gain, double offset) {
        Mat out = new Mat();
        print.convertTo(out, -1, gain, offset);
        return out;
    }

    static Mat grey(Mat print) {
        Mat g = new Mat();
        Imgproc.cvtColor(print, g, Imgproc.COLOR_BGR2GRAY);
        Mat out = new Mat();
        Imgproc.cvtColor(g, out, Imgproc.COLOR_GRAY2BGR);
        g.release();
        return out;
    }

    /** The face framed per {@code fr} with a hat drawn over the head top. */
    static Mat withHat(FaceSamples.Face f, Framing fr, HatStyle style, Scalar colour, Random rnd) {
        return withHat(f, fr, style, colour, Pattern.PLAIN, rnd);
    }

    /** As above, the fabric in {@code pattern}. */
    static Mat withHat(FaceSamples.Face f, Framing fr, HatStyle style, Scalar colour, Pattern pattern, Random rnd) {
        Mat print = framed(f, fr);
        double k = fr.crownChinMm() * PX_PER_MM / (f.chinY() - f.crownY());
        double ipd = k * Math.hypot(f.rightPupil().x - f.leftPupil().x, f.rightPupil().y - f.leftPupil().y);
        double cx = (WIDTH_MM / 2 + fr.offsetMm()) * PX_PER_MM;
        double crown = fr.topMm() * PX_PER_MM;
        double eye = crown + k * (f.eyeY() - f.crownY());
        double halfHead = 1.2 * ipd;
        Mat layer = new Mat(print.size(), print.type(), colour);
        Mat mask = Mat.zeros(print.size(), CvType.CV_8UC1);
        Scalar on = new Scalar(255);
        double bottom;
        switch (style) {
            case CAP -> {
                bottom = eye - 0.9 * ipd;
                double top = crown - 0.1 * ipd;
                Imgproc.ellipse(mask, new Point(cx, bottom), new Size(halfHead * 1.05, bottom - top), 0, 180, 360, on, -1);
                Point[] brim = {new Point(cx - halfHead * 1.1, bottom - 0.05 * ipd), new Point(cx + halfHead * 1.1, bottom - 0.05 * ipd),
                    new Point(cx + halfHead * 0.9, bottom + 0.35 * ipd), new Point(cx - halfHead * 0.9, bottom + 0.35 * ipd)};
                Imgproc.fillPoly(mask, List.of(new MatOfPoint(brim)), on);
                Imgproc.line(layer, brim[0], brim[1], darker(colour, 0.6), (int) Math.max(2, 0.05 * ipd));
            }
            case BEANIE -> {
                bottom = eye - 0.55 * ipd;
                double top = crown - 0.15 * ipd;
                Imgproc.ellipse(mask, new Point(cx, bottom), new Size(halfHead * 1.02, bottom - top), 0, 180, 360, on, -1);
                double cuff = 0.4 * ipd;
                Imgproc.rectangle(mask, new Point(cx - halfHead * 1.02, bottom - cuff), new Point(cx + halfHead * 1.02, bottom), on, -1);
                for (double x = cx - halfHead; x < cx + halfHead; x += 0.12 * ipd) {
                    Imgproc.line(layer, new Point(x, bottom - cuff), new Point(x, bottom), darker(colour, 0.75), 2);
                }
            }
            case BERET -> {
                // a soft flat cap on the crown, tilted to one side
                bottom = eye - 1.0 * ipd;
                double top = crown - 0.25 * ipd;
                double tilt = -10 + 20 * rnd.nextDouble();
                Imgproc.ellipse(mask, new Point(cx + 0.1 * ipd, (top + bottom) / 2), new Size(halfHead * 1.15, (bottom - top) / 2),
                        tilt, 0, 360, on, -1);
                Imgproc.ellipse(layer, new Point(cx, top + 0.05 * ipd), new Size(0.08 * ipd, 0.08 * ipd), 0, 0, 360,
                        darker(colour, 0.7), -1);
            }
            case HEADSCARF -> {
                // covers the hair and the sides of the head down to the jaw, leaving the face oval
                bottom = eye - 0.6 * ipd;
                double top = crown - 0.15 * ipd;
                double chin = crown + k * (f.chinY() - f.crownY());
                Imgproc.ellipse(mask, new Point(cx, (top + chin + 0.4 * ipd) / 2), new Size(halfHead * 1.15,
                        (chin + 0.4 * ipd - top) / 2), 0, 0, 360, on, -1);
                Imgproc.ellipse(mask, new Point(cx, eye + 0.45 * ipd), new Size(0.9 * ipd, 1.45 * ipd), 0, 0, 360,
                        new Scalar(0), -1);
                for (double y = top; y < chin; y += 0.35 * ipd) {
                    Imgproc.line(layer, new Point(cx - halfHead * 1.2, y), new Point(cx + halfHead * 1.2, y + 0.2 * ipd),
                            darker(colour, 0.8), 2);
                }
            }
            case BUCKET -> {
                // a soft crown and a brim sloping down all round, over the eyebrows' top
                bottom = eye - 0.7 * ipd;
                double top = crown - 0.35 * ipd;
                Imgproc.rectangle(mask, new Point(cx - halfHead * 0.9, top + 0.2 * ipd),
                        new Point(cx + halfHead * 0.9, bottom - 0.3 * ipd), on, -1);
                Imgproc.ellipse(mask, new Point(cx, top + 0.2 * ipd), new Size(halfHead * 0.9, 0.2 * ipd), 0, 0, 360, on, -1);
                Point[] brim = {new Point(cx - halfHead * 0.95, bottom - 0.35 * ipd), new Point(cx + halfHead * 0.95, bottom - 0.35 * ipd),
                    new Point(cx + halfHead * 1.45, bottom + 0.15 * ipd), new Point(cx - halfHead * 1.45, bottom + 0.15 * ipd)};
                Imgproc.fillPoly(mask, List.of(new MatOfPoint(brim)), on);
            }
            case HOOD -> {
                // a hood: wider than the head, down past the chin, the face framed by its opening
                bottom = eye - 0.5 * ipd;
                double top = crown - 0.4 * ipd;
                double chin = crown + k * (f.chinY() - f.crownY());
                Imgproc.ellipse(mask, new Point(cx, (top + chin + 1.2 * ipd) / 2), new Size(halfHead * 1.4,
                        (chin + 1.2 * ipd - top) / 2), 0, 0, 360, on, -1);
                Imgproc.ellipse(mask, new Point(cx, eye + 0.4 * ipd), new Size(0.95 * ipd, 1.5 * ipd), 0, 0, 360,
                        new Scalar(0), -1);
                Imgproc.ellipse(layer, new Point(cx, eye + 0.4 * ipd), new Size(1.0 * ipd, 1.55 * ipd), 0, 0, 360,
                        darker(colour, 0.7), (int) Math.max(2, 0.06 * ipd));
            }
            case TURBAN -> {
                // wrapped cloth, taller than the head, in diagonal folds
                bottom = eye - 0.75 * ipd;
                double top = crown - 0.6 * ipd;
                Imgproc.ellipse(mask, new Point(cx, bottom), new Size(halfHead * 1.1, bottom - top), 0, 180, 360, on, -1);
                for (double y = top; y < bottom; y += 0.22 * ipd) {
                    Imgproc.line(layer, new Point(cx - halfHead * 1.2, y + 0.3 * ipd), new Point(cx + halfHead * 1.2, y - 0.1 * ipd),
                            darker(colour, 0.7), Math.max(2, (int) (0.04 * ipd)));
                }
            }
            case SCARF_TIED -> {
                // a scarf tied over the hair, hair showing at the sides: covers the head top only
                bottom = eye - 0.75 * ipd;
                double top = crown - 0.12 * ipd;
                Imgproc.ellipse(mask, new Point(cx, bottom), new Size(halfHead * 1.0, bottom - top), 0, 180, 360, on, -1);
                Imgproc.ellipse(mask, new Point(cx + halfHead * 0.9, bottom - 0.1 * ipd), new Size(0.25 * ipd, 0.18 * ipd),
                        30, 0, 360, on, -1);
            }
            case BRIMMED_CAP -> {
                // a peaked cap, peak shading the upper forehead and a seam over the crown
                bottom = eye - 0.75 * ipd;
                double top = crown - 0.2 * ipd;
                Imgproc.ellipse(mask, new Point(cx, bottom), new Size(halfHead * 1.05, bottom - top), 0, 180, 360, on, -1);
                Imgproc.ellipse(mask, new Point(cx, bottom), new Size(halfHead * 0.85, 0.3 * ipd), 0, 0, 180, on, -1);
                Imgproc.line(layer, new Point(cx, top), new Point(cx, bottom), darker(colour, 0.7), 2);
            }
            default -> {
                bottom = eye - 0.85 * ipd;
                double top = crown - 0.3 * ipd;
                Imgproc.rectangle(mask, new Point(cx - halfHead * 0.95, top), new Point(cx + halfHead * 0.95, bottom), on, -1);
                Imgproc.ellipse(mask, new Point(cx, bottom), new Size(halfHead * 1.9, 0.3 * ipd), 0, 0, 360, on, -1);
                Imgproc.rectangle(layer, new Point(cx - halfHead, bottom - 0.35 * ipd), new Point(cx + halfHead, bottom - 0.1 * ipd),
                        darker(colour, 0.5), -1);
            }
        }
        pattern(layer, pattern, colour, ipd, rnd);
        Mat noise = new Mat(print.size(), CvType.CV_16SC3);
        Core.randn(noise, 0, 6);
        Mat layer16 = new Mat();
        layer.convertTo(layer16, CvType.CV_16SC3);
        Core.add(layer16, noise, layer16);
        layer16.convertTo(layer, CvType.CV_8UC3);
        shade(layer, crown, bottom);
        Mat alpha3 = new Mat();
        Imgproc.GaussianBlur(mask, mask, new Size(3, 3), 0);
        Imgproc.cvtColor(mask, alpha3, Imgproc.COLOR_GRAY2BGR);
        alpha3.convertTo(alpha3, CvType.CV_32FC3, 1 / 255.0);
        Mat out = blend(layer, print, alpha3);
        for (Mat x : new Mat[] {print, layer, mask, noise, layer16, alpha3}) {
            x.release();
        }
        return out;
    }

    /**
     * A compliant print whose hair is made grey or white ({@code lift} 60–160: the darkest strand becomes that
     * light, the strands' texture kept), or, when {@code bald}, whose head top above the forehead is skin.
     * For tuning the headwear check against the compliant heads it must not take for a hat.
     */
    static Mat restyledHair(FaceSamples.Face f, Framing fr, double lift, boolean bald) {
        Mat print = framed(f, fr);
        Mat person = personMask(f.bgr());
        Mat m3 = framed(person, f.centreX(), f.crownY(), f.chinY(), f.eyeY(), fr, WIDTH_MM, Core.BORDER_REPLICATE);
        Mat mask = new Mat();
        Imgproc.cvtColor(m3, mask, Imgproc.COLOR_BGR2GRAY);
        double k = fr.crownChinMm() * PX_PER_MM / (f.chinY() - f.crownY());
        double ipd = k * Math.hypot(f.rightPupil().x - f.leftPupil().x, f.rightPupil().y - f.leftPupil().y);
        double cx = (WIDTH_MM / 2 + fr.offsetMm()) * PX_PER_MM;
        double crown = fr.topMm() * PX_PER_MM;
        double eye = crown + k * (f.eyeY() - f.crownY());
        double chin = crown + k * (f.chinY() - f.crownY());
        // keep the face (an oval from the brows to the chin) and everything below the chin
        Imgproc.ellipse(mask, new Point(cx, eye + 0.35 * ipd), new Size(0.95 * ipd, 1.35 * ipd), 0, 0, 360, new Scalar(0), -1);
        Imgproc.rectangle(mask, new Point(0, chin), new Point(mask.cols(), mask.rows()), new Scalar(0), -1);
        Mat layer = new Mat();
        if (bald) {
            Rect cheek = Mats.clip(new Rect((int) (cx - 0.5 * ipd), (int) (eye + 0.5 * ipd), (int) ipd, (int) (0.4 * ipd)), print);
            Scalar skin = Core.mean(print.submat(cheek));
            layer = new Mat(print.size(), print.type(), skin);
            // a rounded scalp: lit from above, darker to the sides
            Mat noise = new Mat(print.size(), CvType.CV_16SC3);
            Core.randn(noise, 0, 3);
            Mat l16 = new Mat();
            layer.convertTo(l16, CvType.CV_16SC3);
            Core.add(l16, noise, l16);
            l16.convertTo(layer, CvType.CV_8UC3);
            shade(layer, crown, eye);
            // hair only at the sides, low: remove the fringe area from the mask above the brows
            Imgproc.rectangle(mask, new Point(0, eye - 0.45 * ipd), new Point(mask.cols(), mask.rows()), new Scalar(0), -1);
            noise.release();
            l16.release();
        } else {
            Mat g = new Mat();
            Imgproc.cvtColor(print, g, Imgproc.COLOR_BGR2GRAY);
            g.convertTo(g, -1, (255 - lift) / 255.0, lift);
            Imgproc.cvtColor(g, layer, Imgproc.COLOR_GRAY2BGR);
            g.release();
        }
        Imgproc.GaussianBlur(mask, mask, new Size(0, 0), Math.max(1, 0.05 * ipd));
        Mat alpha3 = new Mat();
        Imgproc.cvtColor(mask, alpha3, Imgproc.COLOR_GRAY2BGR);
        alpha3.convertTo(alpha3, CvType.CV_32FC3, 1 / 255.0);
        Mat out = blend(layer, print, alpha3);
        for (Mat x : new Mat[] {print, person, m3, mask, layer, alpha3}) {
            x.release();
        }
        return out;
    }

    /** Draws {@code pattern} over the whole layer (the mask decides where it shows), scaled to the face. */
    private static void pattern(Mat layer, Pattern pattern, Scalar colour, double ipd, Random rnd) {
        if (pattern == Pattern.PLAIN) {
            return;
        }
        Scalar dark = darker(colour, 0.55 + 0.25 * rnd.nextDouble());
        Scalar light = new Scalar(Math.min(255, colour.val[0] * 1.2 + 25), Math.min(255, colour.val[1] * 1.2 + 25),
                Math.min(255, colour.val[2] * 1.2 + 25));
        double step = (0.12 + 0.2 * rnd.nextDouble()) * ipd;
        int thick = Math.max(1, (int) Math.round(step / 4));
        int w = layer.cols();
        int h = layer.rows();
        switch (pattern) {
            case STRIPES -> {
                double slope = -1 + 2 * rnd.nextDouble();
                for (double y = -w; y < h + w; y += step) {
                    Imgproc.line(layer, new Point(0, y), new Point(w, y + slope * w), dark, thick);
                }
            }
            case CHECKS -> {
                for (double y = 0; y < h; y += step) {
                    Imgproc.line(layer, new Point(0, y), new Point(w, y), dark, thick);
                }
                for (double x = 0; x < w; x += step) {
                    Imgproc.line(layer, new Point(x, 0), new Point(x, h), light, thick);
                }
            }
            case DOTS -> {
                for (double y = 0; y < h; y += step) {
                    for (double x = (y / step) % 2 == 0 ? 0 : step / 2; x < w; x += step) {
                        Imgproc.circle(layer, new Point(x, y), Math.max(1, thick), dark, -1);
                    }
                }
            }
            case KNIT -> {
                // rows of small V stitches
                double s = Math.max(3, step / 3);
                for (double y = 0; y < h; y += s) {
                    for (double x = 0; x < w; x += s) {
                        Imgproc.line(layer, new Point(x, y), new Point(x + s / 2, y + s), dark, 1);
                        Imgproc.line(layer, new Point(x + s, y), new Point(x + s / 2, y + s), light, 1);
                    }
                }
            }
            default -> {
                // PAISLEY: scattered curls in both shades
                int n = (int) (w * h / (step * step));
                for (int i = 0; i < n; i++) {
                    Point c = new Point(rnd.nextDouble() * w, rnd.nextDouble() * h);
                    Imgproc.ellipse(layer, c, new Size(step * 0.4, step * 0.25), rnd.nextDouble() * 180, 0, 270,
                            rnd.nextBoolean() ? dark : light, thick);
                }
            }
        }
    }

    private static void shade(Mat layer, double top, double bottom) {
        // a little light from above, as on a real hat
        for (int y = 0; y < layer.rows(); y++) {
            double t = Math.min(1, Math.max(0, (y - top) / Math.max(1, bottom - top)));
            Mat row = layer.row(y);
            row.convertTo(row, -1, 1.1 - 0.25 * t, 0);
            row.release();
        }
    }

    private static Scalar darker(Scalar c, double f) {
        return new Scalar(c.val[0] * f, c.val[1] * f, c.val[2] * f);
    }

    /** a·alpha + b·(1 − alpha), alpha CV_32FC3 in 0..1. */
    private static Mat blend(Mat a, Mat b, Mat alpha) {
        Mat af = new Mat();
        Mat bf = new Mat();
        a.convertTo(af, CvType.CV_32FC3);
        b.convertTo(bf, CvType.CV_32FC3);
        Mat inv = new Mat(alpha.size(), CvType.CV_32FC3, new Scalar(1, 1, 1));
        Core.subtract(inv, alpha, inv);
        Core.multiply(af, alpha, af);
        Core.multiply(bf, inv, bf);
        Core.add(af, bf, af);
        Mat out = new Mat();
        af.convertTo(out, CvType.CV_8UC3);
        af.release();
        bf.release();
        inv.release();
        return out;
    }
}
