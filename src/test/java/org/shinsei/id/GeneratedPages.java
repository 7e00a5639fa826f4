package org.shinsei.id;

import java.util.Random;

import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.PagePainter;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.sample.SimulatedScan;

/**
 * Generated scans turned into {@link RegisteredPage}s with the generator's exact transform, so that these tests
 * measure the ID stage alone, not the registration.
 */
final class GeneratedPages {

    static final FormLayout LAYOUT = LayoutLoader.loadDefault();
    private static final FormRenderer RENDERER = new FormRenderer(LAYOUT);
    private static final ScanSimulator SIMULATOR = new ScanSimulator(RENDERER);

    private GeneratedPages() {
    }

    /** The form scanned under {@code conditions}, with {@code damage} drawn over the print before scanning. */
    static RegisteredPage scan(FormContent content, ScanConditions conditions, long seed, PagePainter damage) {
        PagePainter form = RENDERER.painter(content);
        SimulatedScan s = SIMULATOR.scanPage(canvas -> {
            form.paint(canvas);
            damage.paint(canvas);
        }, conditions, seed);
        return registered(s, conditions);
    }

    static RegisteredPage scan(FormContent content, ScanConditions conditions, long seed) {
        return scan(content, conditions, seed, canvas -> { });
    }

    static RegisteredPage registered(SimulatedScan s, ScanConditions c) {
        return s.toRegisteredPage(c.orientationDeg(), c.skewDeg());
    }

    static String randomId(Random random) {
        StringBuilder sb = new StringBuilder(23);
        for (int i = 0; i < 23; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /** The same ID with {@code n} digits changed at random positions. */
    static String changeDigits(String id, int n, Random random) {
        char[] c = id.toCharArray();
        for (int k = 0; k < n; k++) {
            int i = random.nextInt(c.length);
            c[i] = (char) ('0' + (c[i] - '0' + 1 + random.nextInt(9)) % 10);
        }
        return new String(c);
    }
}
