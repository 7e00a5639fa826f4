package org.shinsei.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Photo prints for generated forms, from the public-domain portraits in {@code src/main/resources/sample/portraits}
 * (see LICENCES.md there) or from any face image with known pupils. A print is 35 × 45 mm at
 * {@value #PX_PER_MM} px/mm. The framing rules (SPEC §3 FACE_FRAMING): crown to chin 32–36 mm, crown 2–6 mm below
 * the top edge, face centre on the vertical centre line; compliant prints aim at 34 mm and 4 mm.
 */
public final class PhotoPrints {

    public static final int PX_PER_MM = 10;
    public static final double TARGET_HEAD_MM = 34;
    public static final double TARGET_CROWN_MM = 4;
    /** A plain, light blue-grey studio background, distinct from white paper so the print's edge shows. */
    public static final Color PLAIN_BACKGROUND = new Color(208, 218, 228);

    /** Crown-to-chin height as a multiple of the inter-pupil distance, and the eyes' place down the head (adults). */
    static final double HEAD_PER_IPD = 3.7;
    static final double EYES_DOWN_THE_HEAD = 0.48;

    /** The astronaut (Eileen Collins, NASA): crown, chin and face centre line in the 512 × 512 original. */
    private static final double ASTRONAUT_CROWN_Y = 15;
    private static final double ASTRONAUT_CHIN_Y = 182;
    private static final double ASTRONAUT_CENTRE_X = 226;
    private static final Rectangle ASTRONAUT_PERSON = new Rectangle(100, 1, 260, 511);
    private static final List<Shape> ASTRONAUT_SURE_PERSON = List.of(new Ellipse2D.Double(178, 40, 96, 140),
            new Rectangle(172, 178, 116, 80), new Rectangle(130, 300, 200, 212));
    private static final List<Shape> ASTRONAUT_SURE_BACKDROP = List.of(new Rectangle(0, 0, 100, 260),
            new Rectangle(355, 0, 157, 300));

    /** Grace Hopper (US Navy): top of the cap, chin, face centre line in the 512 × 512 original. */
    private static final double HOPPER_CAP_TOP_Y = 5;
    private static final double HOPPER_CHIN_Y = 290;
    private static final double HOPPER_CENTRE_X = 262;
    private static final Rectangle HOPPER_PERSON = new Rectangle(40, 1, 450, 511);
    private static final List<Shape> HOPPER_SURE_PERSON = List.of(new Ellipse2D.Double(155, 8, 220, 290),
            new Rectangle(70, 345, 390, 167));
    private static final List<Shape> HOPPER_SURE_BACKDROP = List.of(
            new Polygon(new int[] {0, 150, 150, 195, 200, 150, 0}, new int[] {0, 0, 255, 285, 318, 325, 340}, 7),
            new Rectangle(382, 0, 130, 290));

    private PhotoPrints() {
    }

    /** The astronaut cut out onto a plain background, head 34 mm, crown 4 mm below the top, centred. */
    public static PhotoPrint compliant() {
        return PhotoPrint.standard(Holder.COMPLIANT);
    }

    /** The same cut-out with the head only ~20 mm tall (FACE_FRAMING). */
    public static PhotoPrint smallHead() {
        return PhotoPrint.standard(Holder.SMALL_HEAD);
    }

    /** The astronaut photo as taken — flag, shuttle model, mottled backdrop — cropped to 35:45 (BACKGROUND_NOT_PLAIN). */
    public static PhotoPrint busyBackground() {
        return PhotoPrint.standard(Holder.BUSY);
    }

    /** Grace Hopper in her naval cap, cut out onto a plain background (HEADWEAR). */
    public static PhotoPrint headwear() {
        return PhotoPrint.standard(Holder.HEADWEAR);
    }

    /**
     * A compliant print of any frontal face with known pupil centres (as in {@code faces/plain/pupils.csv}):
     * crown and chin are estimated from the inter-pupil distance; areas outside the photo are filled with the
     * colour of its top-left corner (the backdrop in a studio portrait).
     */
    public static PhotoPrint fromFace(BufferedImage face, double leftPupilX, double leftPupilY,
                                      double rightPupilX, double rightPupilY) {
        double ipd = Math.hypot(rightPupilX - leftPupilX, rightPupilY - leftPupilY);
        double head = HEAD_PER_IPD * ipd;
        double eyeY = (leftPupilY + rightPupilY) / 2;
        double crown = eyeY - EYES_DOWN_THE_HEAD * head;
        BufferedImage print = frame(face, crown, crown + head, (leftPupilX + rightPupilX) / 2, TARGET_HEAD_MM,
                TARGET_CROWN_MM, new Color(face.getRGB(2, 2)));
        return PhotoPrint.standard(print);
    }

    /**
     * Frames a portrait into a 35 × 45 mm print: the head (crown to chin, source pixels) becomes {@code headMm} tall,
     * the crown lands {@code crownMm} below the top edge and {@code centreX} on the print's centre line.
     */
    public static BufferedImage frame(BufferedImage src, double crownY, double chinY, double centreX,
                                      double headMm, double crownMm, Color outside) {
        return frame(src, crownY, chinY, centreX, headMm, crownMm, outside, null);
    }

    /** As above, over a print-sized {@code backdrop} (null = plain {@code outside}); {@code src} may be transparent. */
    static BufferedImage frame(BufferedImage src, double crownY, double chinY, double centreX,
                               double headMm, double crownMm, Color outside, BufferedImage backdrop) {
        int w = (int) (PhotoPrint.STANDARD_WIDTH_MM * PX_PER_MM);
        int h = (int) (PhotoPrint.STANDARD_HEIGHT_MM * PX_PER_MM);
        double k = headMm * PX_PER_MM / (chinY - crownY);
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, crownMm * PX_PER_MM);
        t.scale(k, k);
        t.translate(-centreX, -crownY);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(outside);
            g.fillRect(0, 0, w, h);
            if (backdrop != null) {
                g.drawImage(backdrop, 0, 0, w, h, null);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(Downscale.forScale(src, k), scaledTo(t, src, Downscale.forScale(src, k)), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static AffineTransform scaledTo(AffineTransform t, BufferedImage original, BufferedImage drawn) {
        AffineTransform s = new AffineTransform(t);
        s.scale((double) original.getWidth() / drawn.getWidth(), (double) original.getHeight() / drawn.getHeight());
        return s;
    }

    /** The flag (left) and the shuttle model (right) of the astronaut photo side by side, print-sized, no person. */
    private static BufferedImage sceneBehind(BufferedImage astronaut) {
        int w = (int) (PhotoPrint.STANDARD_WIDTH_MM * PX_PER_MM);
        int h = (int) (PhotoPrint.STANDARD_HEIGHT_MM * PX_PER_MM);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(astronaut, 0, 0, w / 2, h, 0, 0, 100, 260, null);
            g.drawImage(astronaut, w / 2, 0, w, h, 380, 0, 510, 335, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static BufferedImage portrait(String name) {
        try (InputStream in = PhotoPrints.class.getResourceAsStream("/sample/portraits/" + name)) {
            if (in == null) {
                throw new IllegalStateException("portrait " + name + " is missing from the classpath");
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("portrait " + name + " cannot be read", e);
        }
    }

    /** Built once per JVM on first use: GrabCut takes a moment. */
    private static final class Holder {
        private static final BufferedImage ASTRONAUT = portrait("astronaut.png");
        private static final BufferedImage ASTRONAUT_CUT = Cutout.person(ASTRONAUT, ASTRONAUT_PERSON,
                ASTRONAUT_SURE_PERSON, ASTRONAUT_SURE_BACKDROP);
        static final BufferedImage COMPLIANT = frame(ASTRONAUT_CUT, ASTRONAUT_CROWN_Y, ASTRONAUT_CHIN_Y,
                ASTRONAUT_CENTRE_X, TARGET_HEAD_MM, TARGET_CROWN_MM, PLAIN_BACKGROUND);
        static final BufferedImage SMALL_HEAD = frame(ASTRONAUT_CUT, ASTRONAUT_CROWN_Y, ASTRONAUT_CHIN_Y,
                ASTRONAUT_CENTRE_X, 20, 8, PLAIN_BACKGROUND);
        /**
         * Correctly framed, in front of the original scene's flag and shuttle model: at the framing scale the
         * original alone would show only the mottled backdrop around the head.
         */
        static final BufferedImage BUSY = frame(ASTRONAUT_CUT, ASTRONAUT_CROWN_Y, ASTRONAUT_CHIN_Y,
                ASTRONAUT_CENTRE_X, TARGET_HEAD_MM, TARGET_CROWN_MM, Color.GRAY, sceneBehind(ASTRONAUT));
        private static final BufferedImage HOPPER_CUT = Cutout.person(portrait("grace_hopper_512x512.jpg"),
                HOPPER_PERSON, HOPPER_SURE_PERSON, HOPPER_SURE_BACKDROP);
        /** Framed on the cap: the top of the cap is 3 mm below the edge, cap to chin 35 mm. */
        static final BufferedImage HEADWEAR = frame(HOPPER_CUT, HOPPER_CAP_TOP_Y, HOPPER_CHIN_Y, HOPPER_CENTRE_X,
                35, 3, PLAIN_BACKGROUND);
    }
}
