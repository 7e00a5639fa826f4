package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * Bare heads are not taken for hats (issue 19: grey, white or short hair, a bald head), and grey headscarves are
 * mostly found, on real faces of both halves of faces/plain.
 */
class HeadwearCheckTest {

    /** Found when this test was written: 9 of 10. */
    private static final int MIN_SCARVES_FOUND = 9;
    /**
     * At most this many of the 20 restyled bare heads may go to review for HEADWEAR (never rejected): when written,
     * 6 of the 10 bald heads (smoother than the face, like fabric) and 2 of the 10 grey-haired ones (lighter than the
     * face, like a light scarf). A known limit: README.
     */
    private static final int MAX_BARE_REVIEWED = 8;

    @Test
    void bareHeadsWithGreyWhiteOrNoHairAreNotRejectedAndGreyScarvesAreMostlyFound() throws Exception {
        OpenCv.load();
        FormLayout layout = LayoutLoader.loadDefault();
        PhotoInspector inspector = new PhotoInspector(PhotoProperties.defaults(), layout);
        List<FaceSamples.Face> all = FaceSamples.plain();
        List<FaceSamples.Face> faces = new ArrayList<>();
        for (int i = 0; i < all.size() && faces.size() < 10; i += 6) {
            faces.add(all.get(i));
        }
        MiniScan.Conditions colour300 = new MiniScan.Conditions(300, false, 80, 2, 0.5, 0, 245);
        int scarvesFound = 0;
        int bareReviewed = 0;
        List<String> report = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            FaceSamples.Face face = faces.get(i);
            Mat scarf = PrintFactory.withHat(face, PrintFactory.Framing.COMPLIANT, PrintFactory.HatStyle.HEADSCARF,
                    new Scalar(140, 140, 140), PrintFactory.Pattern.PLAIN, new Random(i));
            try (RegisteredPage page = MiniScan.scan(layout.photoBox(), scarf, MiniScan.Paste.exact(), colour300, 3 * i)) {
                PhotoInspection hat = inspector.examine(page, new PageRef("scarf", 1));
                boolean caught = hat.measurement().reasons().stream().anyMatch(r -> r.code() == ReasonCode.HEADWEAR);
                scarvesFound += caught ? 1 : 0;
                report.add(face.name() + " grey scarf " + (caught ? "found " : "missed ") + hat.headwear());
            } finally {
                scarf.release();
            }
            for (int k = 0; k < 2; k++) {
                boolean bald = k == 1;
                Mat bare = PrintFactory.restyledHair(face, PrintFactory.Framing.COMPLIANT, bald ? 130 : 60 + 10 * i, bald);
                try (RegisteredPage page = MiniScan.scan(layout.photoBox(), bare, MiniScan.Paste.exact(), colour300,
                        3 * i + 1 + k)) {
                    PhotoInspection r = inspector.examine(page, new PageRef("bare", 1));
                    List<Reason> hw = r.measurement().reasons().stream().filter(x -> x.code() == ReasonCode.HEADWEAR)
                            .toList();
                    assertTrue(hw.stream().noneMatch(x -> x.severity() == Severity.REJECT),
                            face.name() + (bald ? " bald" : " grey hair") + " rejected for HEADWEAR: " + hw);
                    bareReviewed += hw.isEmpty() ? 0 : 1;
                    report.add(face.name() + (bald ? " bald " : " grey hair ") + (hw.isEmpty() ? "bare" : "REVIEW " + hw)
                            + " " + r.headwear());
                } finally {
                    bare.release();
                }
            }
        }
        System.out.println(String.join("\n", report));
        System.out.printf("headwear: %d of %d grey headscarves found; %d of %d bare grey-haired or bald heads reviewed, "
                + "none rejected%n", scarvesFound, faces.size(), bareReviewed, 2 * faces.size());
        assertTrue(scarvesFound >= MIN_SCARVES_FOUND, scarvesFound + " of 10 grey headscarves found");
        assertTrue(bareReviewed <= MAX_BARE_REVIEWED, bareReviewed + " bare heads reviewed for HEADWEAR");
    }
}
