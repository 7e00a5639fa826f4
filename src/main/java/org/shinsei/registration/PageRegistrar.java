package org.shinsei.registration;

import java.util.Locale;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.scan.ScanPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Classifies a page (form / blank / other) and, for a form, finds its fiducials and the page geometry:
 * orientation, skew, scale and dpi (from the 187 mm / 274 mm fiducial spacing; the file's dpi is not trusted).
 *
 * <p>The {@link PageTransform} uses OpenCV's pixel convention: the centre of pixel (i, j) is at (i, j).
 */
@Component
public class PageRegistrar {

    private static final Logger log = LoggerFactory.getLogger(PageRegistrar.class);

    private final RegistrationProperties props;
    private final FiducialLocator locator;

    /** With the project's layout ({@code config/layout.yml}). */
    @Autowired
    public PageRegistrar(RegistrationProperties props) {
        this(props, LayoutLoader.loadDefault());
    }

    public PageRegistrar(RegistrationProperties props, FormLayout layout) {
        OpenCv.load();
        this.props = props;
        this.locator = new FiducialLocator(Fiducials.of(layout), props);
    }

    /** The returned {@link RegisteredPage}, if any, shares the page's image; the caller closes both. */
    public PageAnalysis analyse(ScanPage page, PageRef ref) {
        Mat image = page.image();
        Mat grey = image;
        if (image.channels() != 1) {
            grey = new Mat();
            Imgproc.cvtColor(image, grey, Imgproc.COLOR_BGR2GRAY);
        }
        boolean handedOver = false;
        try (SearchImage search = SearchImage.of(grey, props.searchDpi())) {
            FiducialLocator.Result result = locator.locate(grey, search);
            if (result instanceof FiducialLocator.Located located) {
                PageAnalysis form = form(page, grey, located);
                handedOver = true;
                log.debug("{}: {}", ref, form.detail());
                return form;
            }
            if (result instanceof FiducialLocator.Unmeasurable unmeasurable) {
                log.info("{}: {}", ref, unmeasurable.why());
                return new PageAnalysis(page.pageNo(), PageKind.OTHER, null, unmeasurable.why());
            }
            double inkPxPerMm = Math.min(search.grey().cols(), search.grey().rows()) / 210.0;
            double ink = InkMeter.inkFraction(search.grey(), (int) Math.round(props.blankMarginMm() * inkPxPerMm),
                    props.blankInkContrast());
            PageKind kind = ink <= props.blankMaxInkFraction() ? PageKind.BLANK : PageKind.OTHER;
            String detail = String.format(Locale.ROOT, "no fiducials; ink %.3f%% of the page", 100 * ink);
            log.debug("{}: {} ({})", ref, kind, detail);
            return new PageAnalysis(page.pageNo(), kind, null, detail);
        } finally {
            if (!handedOver && grey != image) {
                grey.release();
            }
        }
    }

    private static PageAnalysis form(ScanPage page, Mat grey, FiducialLocator.Located located) {
        PageTransform t = located.transform();
        double rotation = t.rotationDeg();
        long quarterTurns = Math.round(rotation / 90);
        int orientation = (int) Math.floorMod(quarterTurns * 90, 360);
        double skew = rotation - quarterTurns * 90;
        double dpi = (t.scaleX() + t.scaleY()) / 2 * RegisteredPage.MM_PER_INCH;
        RegisteredPage registered = new RegisteredPage(page.pageNo(), page.image(), grey, t, orientation, skew, dpi,
                page.dpi(), page.chroma());
        String detail = String.format(Locale.ROOT, "%d/4 marks measured (found by %s), %.1f dpi, orientation %d, "
                        + "skew %.2f°, residual %.2f mm", located.marks(), located.how(), dpi, orientation, skew,
                located.residualMm());
        return new PageAnalysis(page.pageNo(), PageKind.FORM, registered, detail);
    }
}
