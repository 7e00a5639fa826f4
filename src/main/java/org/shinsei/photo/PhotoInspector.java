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
 * Thread-safe: the face networks are held one per thread (see {@link FaceFinder}).
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

    static final String EDGE_NOT_SEEN_MESSAGE =
            "写真の縁の一部がスキャン画像で見分けられず、写真の大きさを測れませんでした。目視で写真の大きさを確認してください。";

    private final PhotoProperties props;
    private final MmRect photoBox;
    private final PrintLocator locator;
    private final HeadMeasurer headMeasurer;
    private final BackgroundCheck background;
    private final HeadwearCheck headwear;
    private final QualityCheck quality;
    private final FaceFinder finder;

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
        this.finder = new FaceFinder(props.face()); // fails here, at start-up, if a model is missing
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
                        findings.reasons(), null), null, null, null, null, null);
            }
            PrintRegion region = found.get();
            judgeSize(region, findings);
            Mat print = m.add(region.straighten(crop, p, INSET_MM));
            Mat grey = print;
            if (print.channels() == 3) {
                grey = m.create();
                Imgproc.cvtColor(print, grey, Imgproc.COLOR_BGR2GRAY);
            }
            FaceFinding faces = finder.find(print, p);
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
        QualityCheck.Stats q = quality.measure(grey, centre, props.print().pxPerMm());
        quality.judge(q, findings);
        return new PhotoInspection(new PhotoMeasurement(region.widthMm(), region.heightMm(), null, null, null, null, 0,
                findings.reasons(), null), region, null, b, null, q);
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
        BackgroundCheck.Stats b = background.measure(grey, faces.backgroundBox(), crownPx, chinPx, p);
        background.judge(b, findings);
        // quality first: the head top's texture says nothing on a blurred, dark or washed-out print
        QualityCheck.Stats q = quality.measure(grey, box, p);
        quality.judge(q, findings);
        HeadwearCheck.Stats h = headwear.measure(print, grey, box, crownPx, (head.foreheadMm() - INSET_MM) * p, chinPx,
                bg, p);
        boolean covered = headwear.judge(h, !findings.has(ReasonCode.PHOTO_QUALITY), print.channels() == 3, findings);
        // The crown is the top of the hair against a plain background: behind a hat or in front of a busy backdrop
        // it cannot be seen, so the crown-based framing rules are not judged when either is sure (the photo is
        // returned for that reason already) rather than reported on a measurement that is not one. When either is
        // only doubtful (REVIEW), the crown is still judged, so a head too big, too small or cut off is not hidden
        // behind a review.
        boolean crownVisible = !findings.outside(ReasonCode.BACKGROUND_NOT_PLAIN) && !covered;
        judgeFraming(head, crownVisible, findings);
        if (findings.has(ReasonCode.INPUT_UNREADABLE)) {
            // a print edge was not seen: the straightened print may hold a strip of the form, so what is measured
            // against the print's borders (margins, centre line, the background at its sides) goes to a person too
            findings.capAtReview(ReasonCode.FACE_FRAMING, ReasonCode.BACKGROUND_NOT_PLAIN);
        }
        PhotoMeasurement measurement = new PhotoMeasurement(region.widthMm(), region.heightMm(),
                head.crownToChinMm(), head.crownMm(), head.centreOffsetMm(), head.rollDeg(), faces.faces().size(),
                findings.reasons(), new PhotoMeasurement.FacePoints(head.leftPupil().x(), head.leftPupil().y(),
                        head.rightPupil().x(), head.rightPupil().y(), head.chin().x(), head.chin().y()));
        return new PhotoInspection(measurement, region, head, b, h, q);
    }

    /**
     * The print's size against the rules. A size measured against a side that showed no clear edge (a print edge
     * lost against the form) is no measurement: the SPEC has no code for "size not measurable", so it goes to a
     * person under the closest REVIEW code, INPUT_UNREADABLE (the page-level "a person looks at the scan"), with
     * its own message saying that an edge could not be seen; never PHOTO_SIZE, which returns the application.
     */
    private void judgeSize(PrintRegion region, Findings findings) {
        PhotoProperties.Print rules = props.print();
        Band.Verdict w = rules.widthMm().judge(region.widthMm());
        Band.Verdict h = rules.heightMm().judge(region.heightMm());
        if (w == Band.Verdict.WITHIN && h == Band.Verdict.WITHIN) {
            return;
        }
        String size = String.format(Locale.ROOT, "print %.1f x %.1f mm, allowed %s x %s", region.widthMm(),
                region.heightMm(), rules.widthMm(), rules.heightMm());
        if (region.edgesSeen() < 4) {
            findings.review(ReasonCode.INPUT_UNREADABLE, EDGE_NOT_SEEN_MESSAGE, String.format(Locale.ROOT,
                    "photo: %d edge(s) of the print could not be seen against the form, so its size was not "
                            + "measured (%s as found)", 4 - region.edgesSeen(), size));
            return;
        }
        Band.Verdict worst = w == Band.Verdict.OUTSIDE || h == Band.Verdict.OUTSIDE ? Band.Verdict.OUTSIDE : Band.Verdict.NEAR;
        findings.add(ReasonCode.PHOTO_SIZE, worst, size);
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
        if (head.yawDeg() != null) {
            findings.check(ReasonCode.FACE_NOT_FRONTAL, "yaw deg", head.yawDeg(), props.frontal().yawDeg());
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
