package org.shinsei.photo;

import java.util.Locale;
import java.util.Optional;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the pasted photo print, measures it in millimetres and checks it against the photo rules.
 * Thread-safe: the Haar cascades, which keep per-call state, are held one set per thread.
 */
@Component
public class PhotoInspector {

    private static final Logger log = LoggerFactory.getLogger(PhotoInspector.class);

    /** The straightened print is cut this far inside its found edges, so no paper shows along its border. */
    private static final double INSET_MM = 0.4;
    /**
     * The print is located on a copy of the crop at this resolution (px per mm; its edges are still placed to a
     * fraction of a pixel): the morphology that erases the form's printing costs with the square of it.
     */
    private static final double LOCATE_PX_PER_MM = 5;

    private final PhotoProperties props;
    private final MmRect photoBox;
    private final PrintLocator locator;
    private final HeadMeasurer headMeasurer;
    private final BackgroundCheck background;
    private final HeadwearCheck headwear;
    private final QualityCheck quality;
    private final ThreadLocal<FaceFinder> finders;

    @Autowired
    public PhotoInspector(PhotoProperties props) {
        this(props, LayoutLoader.loadDefault());
    }

    public PhotoInspector(PhotoProperties props, FormLayout layout) {
        OpenCv.load();
        this.props = props;
        this.photoBox = layout.photoBox();
        PhotoProperties.Print pr = props.print();
        double locate = Math.min(pr.pxPerMm(), LOCATE_PX_PER_MM);
        this.locator = new PrintLocator(new PhotoProperties.Print(pr.searchMarginMm(), locate, pr.widthMm(),
                pr.heightMm(), pr.minAreaMm2(), pr.minPaperDifference(), pr.cleanKernelMm(), pr.captionZone()));
        this.headMeasurer = new HeadMeasurer(props.face(), props.framing());
        this.background = new BackgroundCheck(props.background());
        this.headwear = new HeadwearCheck(props.headwear());
        this.quality = new QualityCheck(props.quality());
        FaceFinder first = new FaceFinder(props.face()); // fails here, at start-up, if a cascade is missing
        this.finders = ThreadLocal.withInitial(() -> new FaceFinder(props.face()));
        this.finders.set(first);
    }

    public PhotoMeasurement inspect(RegisteredPage page, PageRef ref) {
        return examine(page, ref).measurement();
    }

    /** {@link #inspect} with every intermediate measurement, for evaluation and tuning. */
    public PhotoInspection examine(RegisteredPage page, PageRef ref) {
        double p = props.print().pxPerMm();
        Findings findings = new Findings();
        try (Mats m = new Mats()) {
            MmRect search = photoBox.grow(props.print().searchMarginMm());
            Mat crop = m.add(page.cropImage(search, p));
            double lp = locator.pxPerMm();
            Mat small = crop;
            if (lp < p) {
                small = m.create();
                Imgproc.resize(crop, small, new org.opencv.core.Size(Math.round(search.width() * lp),
                        Math.round(search.height() * lp)), 0, 0, Imgproc.INTER_AREA);
            }
            MmRect cap = props.print().captionZone();
            Rect caption = cap == null ? null : new Rect((int) Math.round((cap.x() - search.x()) * lp),
                    (int) Math.round((cap.y() - search.y()) * lp), (int) Math.round(cap.width() * lp),
                    (int) Math.round(cap.height() * lp));
            Optional<PrintRegion> found = locator.locate(small, caption).map(r -> r.rescaled(p));
            if (found.isEmpty()) {
                findings.add(ReasonCode.PHOTO_MISSING, Band.Verdict.OUTSIDE, "no print found at the photo box");
                log.debug("{} photo: no print", ref);
                return new PhotoInspection(new PhotoMeasurement(null, null, null, null, null, null, 0,
                        findings.reasons()), null, null, null, null, null);
            }
            PrintRegion region = found.get();
            judgeSize(region, findings);
            Mat print = m.add(region.straighten(crop, p, INSET_MM));
            Mat grey = print;
            if (print.channels() == 3) {
                grey = m.create();
                Imgproc.cvtColor(print, grey, Imgproc.COLOR_BGR2GRAY);
            }
            FaceFinding faces = finders.get().find(grey, p);
            PhotoInspection result = faces.found()
                    ? withFace(region, print, grey, faces, findings)
                    : withoutFace(region, grey, findings);
            log.debug("{} photo: {}", ref, describe(result));
            return result;
        }
    }

    private PhotoInspection withoutFace(PrintRegion region, Mat grey, Findings findings) {
        findings.add(ReasonCode.FACE_NOT_FOUND, Band.Verdict.OUTSIDE, "no face on the print");
        BackgroundCheck.Stats b = background.measureCorners(grey, props.print().pxPerMm());
        background.judge(b, findings);
        Rect centre = new Rect(grey.cols() / 4, grey.rows() / 4, grey.cols() / 2, grey.rows() / 2);
        QualityCheck.Stats q = quality.measure(grey, centre);
        quality.judge(q, findings);
        return new PhotoInspection(new PhotoMeasurement(region.widthMm(), region.heightMm(), null, null, null, null, 0,
                findings.reasons()), region, null, b, null, q);
    }

    private PhotoInspection withFace(PrintRegion region, Mat print, Mat grey, FaceFinding faces, Findings findings) {
        double p = props.print().pxPerMm();
        if (faces.faces().size() > 1) {
            findings.add(ReasonCode.MULTIPLE_FACES, Band.Verdict.OUTSIDE, faces.faces().size() + " faces");
        }
        BackgroundModel bg = BackgroundModel.of(print, p);
        HeadGeometry head = headMeasurer.measure(print, faces, bg, p, INSET_MM);
        Rect box = faces.main();
        double crownPx = (head.crownMm() - INSET_MM) * p;
        double chinPx = (head.chinMm() - INSET_MM) * p;
        BackgroundCheck.Stats b = background.measure(grey, box, crownPx, chinPx, p);
        background.judge(b, findings);
        // quality first: the head top's texture says nothing on a blurred, dark or washed-out print
        QualityCheck.Stats q = quality.measure(grey, box);
        quality.judge(q, findings);
        HeadwearCheck.Stats h = headwear.measure(print, grey, box, crownPx, bg, p);
        boolean covered = headwear.judge(h, !findings.has(ReasonCode.PHOTO_QUALITY), print.channels() == 3, findings);
        // The crown is the top of the hair against a plain background: behind a hat or in front of a busy
        // backdrop it cannot be seen, so the crown-based framing rules are not judged (the photo is returned
        // for those reasons already) rather than reported on a measurement that is not one. A pale head top alone
        // (grey or white hair as often as a pale scarf) leaves the crown measurable: the framing is still judged,
        // so a head too big or too low is not hidden behind a review.
        boolean crownVisible = !findings.has(ReasonCode.BACKGROUND_NOT_PLAIN) && !covered;
        judgeFraming(head, crownVisible, findings);
        PhotoMeasurement measurement = new PhotoMeasurement(region.widthMm(), region.heightMm(),
                head.crownToChinMm(), head.crownMm(), head.centreOffsetMm(), head.rollDeg(), faces.faces().size(),
                findings.reasons());
        return new PhotoInspection(measurement, region, head, b, h, q);
    }

    /** A size measured against a side that showed no clear edge is not certain enough to reject on. */
    private void judgeSize(PrintRegion region, Findings findings) {
        PhotoProperties.Print rules = props.print();
        Band.Verdict w = rules.widthMm().judge(region.widthMm());
        Band.Verdict h = rules.heightMm().judge(region.heightMm());
        if (w == Band.Verdict.WITHIN && h == Band.Verdict.WITHIN) {
            return;
        }
        boolean certain = region.edgesSeen() == 4;
        Band.Verdict worst = w == Band.Verdict.OUTSIDE || h == Band.Verdict.OUTSIDE ? Band.Verdict.OUTSIDE : Band.Verdict.NEAR;
        findings.add(ReasonCode.PHOTO_SIZE, certain ? worst : Band.Verdict.NEAR, String.format(Locale.ROOT,
                "print %.1f x %.1f mm, allowed %s x %s%s", region.widthMm(), region.heightMm(), rules.widthMm(),
                rules.heightMm(), certain ? "" : " (" + (4 - region.edgesSeen()) + " edge(s) not visible)"));
    }

    private void judgeFraming(HeadGeometry head, boolean crownVisible, Findings findings) {
        PhotoProperties.Framing f = props.framing();
        if (crownVisible) {
            findings.check(ReasonCode.FACE_FRAMING, "crown to chin mm", head.crownToChinMm(), f.crownToChinMm());
            findings.check(ReasonCode.FACE_FRAMING, "crown below top mm", head.crownMm(), f.topMarginMm());
        }
        findings.check(ReasonCode.FACE_FRAMING, "face centre offset mm", head.centreOffsetMm(), f.centreOffsetMm());
        if (crownVisible && !head.crownFound()) {
            findings.add(ReasonCode.FACE_FRAMING, Band.Verdict.NEAR, "head top not distinguishable from the background");
        }
        if (head.rollDeg() != null) {
            findings.check(ReasonCode.FACE_NOT_FRONTAL, "roll deg", head.rollDeg(), props.frontal().rollDeg());
        }
        if (head.eyeAsymmetry() != null) {
            findings.check(ReasonCode.FACE_NOT_FRONTAL, "eye asymmetry", head.eyeAsymmetry(), props.frontal().eyeAsymmetry());
        }
    }

    private static String describe(PhotoInspection r) {
        PhotoMeasurement pm = r.measurement();
        return String.format(Locale.ROOT, "print %.1fx%.1f mm, faces %d, head %s mm, top %s mm, offset %s mm, roll %s°, %s",
                pm.widthMm(), pm.heightMm(), pm.faces(), fmt(pm.faceHeightMm()), fmt(pm.topMarginMm()),
                fmt(pm.centreOffsetMm()), fmt(pm.rollDeg()), pm.reasons().stream().map(x -> x.code().name()).toList());
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f", d);
    }
}
