package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/**
 * The rule of the second opinion, with scripted box readings (the readers' quality is FieldsEvaluationTest's): a field
 * the network is not sure of goes through only when the second reader is sure of the very same value; the second
 * reader is not even asked when the network's own reading is not a valid value.
 */
class SecondOpinionTest {

    private static final PageRef REF = PageRef.envelope("second-opinion-test.png").page(1);
    private static final String PHONE = "09012345678";
    private static FormLayout layout;
    private static RegisteredPage page;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        layout = LayoutLoader.loadDefault();
        FormContent f = FormContent.typical("10000000000000000000031").withPhone(PHONE);
        page = ScannedForms.register(new ScanSimulator(new FormRenderer(layout)).scan(f, ScanConditions.clean(300), 31));
    }

    @AfterAll
    static void tearDown() {
        page.close();
    }

    /** Reads the phone boxes as {@code phone} at {@code p} per digit, the date boxes as 8年11月20日 sure. */
    private static final class Scripted implements DigitBoxes {
        final String phone;
        final double p;
        final AtomicInteger calls = new AtomicInteger();

        Scripted(String phone, double p) {
            this.phone = phone;
            this.p = p;
        }

        @Override
        public List<BoxReading> read(RegisteredPage page, List<MmRect> boxes) {
            calls.incrementAndGet();
            List<BoxReading> out = new ArrayList<>();
            int phoneBoxes = layout.phoneBoxes().size();
            boolean withPhone = boxes.get(0).equals(layout.phoneBoxes().get(0));
            String date = "081120";
            for (int i = 0; i < boxes.size(); i++) {
                int k = withPhone ? i : i + phoneBoxes;
                if (k < phoneBoxes) {
                    out.add(k < phone.length() ? BoxReading.digit(phone.charAt(k) - '0', p) : BoxReading.EMPTY);
                } else {
                    out.add(BoxReading.digit(date.charAt(k - phoneBoxes) - '0', 1.0));
                }
            }
            return out;
        }
    }

    private static FieldReadings read(Scripted network, Scripted second) {
        FieldsProperties props = FieldsProperties.defaults();
        return new FieldReader(props, layout, network, new SecondOpinion(second, props))
                .read(page, REF, ScannedForms.BATCH_DATE);
    }

    @Test
    void anUnsureFieldGoesThroughWhenTheSecondReaderIsSureOfTheSameValue() {
        FieldReadings r = read(new Scripted(PHONE, 0.99), new Scripted(PHONE, 0.999));
        assertEquals(PHONE, r.phone().value());
        assertTrue(r.reasons().stream().noneMatch(x -> x.code() == ReasonCode.PHONE_UNREADABLE), r.reasons().toString());
        assertEquals("2026-11-20", r.applicationDate().value());
    }

    @Test
    void aDifferentDigitOrAnUnsureSecondReaderLeavesItToAPerson() {
        FieldReadings other = read(new Scripted(PHONE, 0.99), new Scripted("09012345679", 0.999));
        assertNull(other.phone().value());
        assertTrue(other.reasons().stream().anyMatch(x -> x.code() == ReasonCode.PHONE_UNREADABLE));
        FieldReadings unsure = read(new Scripted(PHONE, 0.99), new Scripted(PHONE, 0.97));
        assertNull(unsure.phone().value());
        assertTrue(unsure.reasons().stream().anyMatch(x -> x.code() == ReasonCode.PHONE_UNREADABLE));
    }

    @Test
    void theSecondReaderIsAskedOnlyAboutAValidReadingTheNetworkIsUnsureOf() {
        Scripted sureSecond = new Scripted(PHONE, 1.0);
        FieldReadings sure = read(new Scripted(PHONE, 1.0), sureSecond);
        assertEquals(PHONE, sure.phone().value());
        assertEquals(0, sureSecond.calls.get(), "nothing to ask: the network is sure of both fields");
        Scripted asked = new Scripted("19012345678", 1.0);
        FieldReadings invalid = read(new Scripted("19012345678", 0.99), asked);
        assertNull(invalid.phone().value());
        assertEquals(0, asked.calls.get(), "not a phone number as the network read it: no second opinion");
    }
}
