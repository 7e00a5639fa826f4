package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The review-only pale head-top cue of the headwear check, on measurements and on a real face. */
class HeadwearCheckTest {

    private final HeadwearCheck check = new HeadwearCheck(PhotoProperties.defaults().headwear());

    private static HeadwearCheck.Stats stats(double lighter, double dark, double textureRatio, double saturation) {
        return new HeadwearCheck.Stats(true, 0, 0.5, 7, 0.3, lighter, dark, textureRatio, saturation);
    }

    @Test
    void paleHeadTopIsGreyOrRougherThanTheFaceAndNotDark() {
        assertTrue(check.pale(stats(-10, 0.1, 0.5, -86), true));      // a grey scarf as bright as the face
        assertFalse(check.pale(stats(-10, 0.1, 0.5, -86), false));    // the same on a grey scan: saturation unknown
        assertTrue(check.pale(stats(-9, 0.18, 1.5, 0), false));       // patterned, rougher than the face
        assertFalse(check.pale(stats(15, 0.0, 0.5, -5), true));       // smooth blond hair, skin-like saturation
        assertFalse(check.pale(stats(-80, 0.7, 1.3, -60), true));     // dark hair
    }

    /**
     * A grey headscarf (its own diagonal folds) on the first ten faces used for tuning, scanned in colour: most are
     * at least sent to review, and none of the same faces bare is sent to review by the pale cue or rejected. Not
     * all scarves are found: on a light face a mid-grey scarf is darker than the face, like hair (a known limit).
     */
    @Test
    void greyHeadscarvesAreMostlyFoundAndTheSameFacesBareAreNotTakenForThem() throws Exception {
        OpenCv.load();
        FormLayout layout = LayoutLoader.loadDefault();
        PhotoInspector inspector = new PhotoInspector(PhotoProperties.defaults(), layout);
        List<FaceSamples.Face> faces = FaceSamples.plain().stream().filter(f -> PhotoCases.tuning(f.name())).limit(10)
                .toList();
        MiniScan.Conditions colour300 = new MiniScan.Conditions(300, false, 80, 2, 0.5, 0, 245);
        int found = 0;
        List<String> report = new java.util.ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            FaceSamples.Face face = faces.get(i);
            Mat scarf = PrintFactory.withHat(face, PrintFactory.Framing.COMPLIANT, PrintFactory.HatStyle.HEADSCARF,
                    new Scalar(140, 140, 140), PrintFactory.Pattern.PLAIN, new Random(i));
            Mat bare = PrintFactory.framed(face, PrintFactory.Framing.COMPLIANT);
            try (RegisteredPage a = MiniScan.scan(layout.photoBox(), scarf, MiniScan.Paste.exact(), colour300, 2 * i);
                 RegisteredPage b = MiniScan.scan(layout.photoBox(), bare, MiniScan.Paste.exact(), colour300, 2 * i + 1)) {
                PhotoInspection hat = inspector.examine(a, new PageRef("scarf", 1));
                List<Reason> bareHead = inspector.inspect(b, new PageRef("bare", 1)).reasons();
                boolean caught = hat.measurement().reasons().stream().anyMatch(r -> r.code() == ReasonCode.HEADWEAR);
                found += caught ? 1 : 0;
                report.add(face.name() + (caught ? " found " : " missed ") + hat.headwear());
                assertTrue(bareHead.stream().noneMatch(r -> r.severity() == Severity.REJECT), bareHead.toString());
                assertTrue(bareHead.stream().noneMatch(r -> r.detail() != null && r.detail().contains("pale head top")),
                        face.name() + " bare: " + bareHead);
            } finally {
                scarf.release();
                bare.release();
            }
        }
        System.out.println(String.join("\n", report));
        assertTrue(found >= MIN_SCARVES_FOUND, found + " of 10 grey headscarves found:\n" + String.join("\n", report));
    }

    /** Found when this test was written: 8 of 10 (003 and 010 missed: the scarf is darker than those faces). */
    private static final int MIN_SCARVES_FOUND = 8;
}
