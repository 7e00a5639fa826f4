package org.shinsei.registration;

import org.shinsei.scan.ScanPage;
import org.shinsei.support.PageRef;
import org.springframework.stereotype.Component;

/**
 * Classifies a page (form / blank / other) and, for a form, finds its fiducials and the page geometry:
 * orientation, skew, scale and dpi (from the 187 mm / 274 mm fiducial spacing).
 */
@Component
public class PageRegistrar {

    /** The returned {@link RegisteredPage}, if any, shares the page's image; the caller closes both. */
    public PageAnalysis analyse(ScanPage page, PageRef ref) {
        throw new UnsupportedOperationException("TODO(issue 2): registration");
    }
}
