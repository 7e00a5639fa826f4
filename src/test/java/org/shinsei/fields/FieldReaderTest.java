package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.Shape;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.registration.PageTransform;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.InkColour;
import org.shinsei.sample.Mark;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.sample.SimulatedScan;
import org.shinsei.sample.WrittenDate;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/** The whole stage on generated scans, colour and grey: what each kind of writing (or its absence) yields. */
class FieldReaderTest {

    private static final PageRef REF = PageRef.envelope("field-reader-test.png").page(1);

    private static FormLayout layout;
    private static ScanSimulator simulator;
    private static FieldReader reader;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        layout = LayoutLoader.loadDefault();
        simulator = new ScanSimulator(new FormRenderer(layout));
        reader = new FieldReader(FieldsProperties.defaults(), layout, DigitNet.fromClasspath());
    }

    private static ScanConditions scan(boolean colour) {
        return ScanConditions.clean(colour ? 300 : 200).withColour(colour).withQuality(242, 3, 0.8, colour ? 0 : 60);
    }

    private static FieldReadings read(SimulatedScan s) {
        try (RegisteredPage page = ScannedForms.register(s)) {
            return reader.read(page, REF, ScannedForms.BATCH_DATE);
        }
    }

    private static Optional<Reason> reason(FieldReadings r, ReasonCode code) {
        return r.reasons().stream().filter(x -> x.code() == code).findFirst();
    }

    @ParameterizedTest(name = "colour={0}")
    @ValueSource(booleans = {true, false})
    void blankFormHasNoPhoneNoDateNoSignatureNoMarks(boolean colour) {
        FormContent blank = FormContent.typical("10000000000000000000001").withPhone("")
                .withDate(WrittenDate.blank()).withSignature(null);
        FieldReadings r = read(simulator.scan(blank, scan(colour), 1));
        assertNull(r.phone().value());
        assertEquals(Severity.NOTE, reason(r, ReasonCode.PHONE_MISSING).orElseThrow().severity());
        assertNull(r.applicationDate().value());
        assertTrue(reason(r, ReasonCode.DATE_MISSING).isPresent());
        assertFalse(r.signaturePresent());
        assertEquals(Severity.REJECT, reason(r, ReasonCode.SIGNATURE_MISSING).orElseThrow().severity());
        assertEquals(List.of(false, false, false), List.of(r.noSigningCertificate(), r.noUserCertificate(), r.braille()));
        assertEquals(3, r.reasons().size(), r.reasons().toString());
    }

    @ParameterizedTest(name = "colour={0}")
    @ValueSource(booleans = {true, false})
    void tickCrossAndFillAreMarked(boolean colour) {
        FormContent f = FormContent.typical("10000000000000000000002").withInk(InkColour.BLUE)
                .withCheckboxes(Mark.TICK, Mark.CROSS, Mark.FILL);
        FieldReadings r = read(simulator.scan(f, scan(colour), 2));
        assertEquals(List.of(true, true, true), List.of(r.noSigningCertificate(), r.noUserCertificate(), r.braille()));
        assertTrue(reason(r, ReasonCode.CHECKBOX_AMBIGUOUS).isEmpty());
    }

    @ParameterizedTest(name = "colour={0}")
    @ValueSource(booleans = {true, false})
    void scribbleIsMarkedEmptyIsNotAndAFaintDotIsAmbiguous(boolean colour) {
        for (long seed = 3; seed < 7; seed++) {
            FormContent f = FormContent.typical("10000000000000000000003").withSeed(seed)
                    .withCheckboxes(Mark.SCRIBBLE, Mark.EMPTY, Mark.AMBIGUOUS);
            FieldReadings r = read(simulator.scan(f, scan(colour), seed));
            assertEquals(Boolean.TRUE, r.noSigningCertificate());
            assertEquals(Boolean.FALSE, r.noUserCertificate());
            assertNull(r.braille(), "seed " + seed);
            Reason ambiguous = reason(r, ReasonCode.CHECKBOX_AMBIGUOUS).orElseThrow();
            assertEquals(Severity.REVIEW, ambiguous.severity());
            assertTrue(ambiguous.detail().startsWith(FieldReader.BRAILLE), ambiguous.detail());
        }
    }

    @ParameterizedTest(name = "colour={0}")
    @ValueSource(booleans = {true, false})
    void aWrittenNameOrAScrawlIsASignature(boolean colour) {
        for (String signature : new String[] {"見本 太郎", "林", FormContent.SCRIBBLE}) {
            FormContent f = FormContent.typical("10000000000000000000004").withSignature(signature);
            FieldReadings r = read(simulator.scan(f, scan(colour), 4));
            assertTrue(r.signaturePresent(), signature + " " + r.reasons());
            assertTrue(reason(r, ReasonCode.SIGNATURE_MISSING).isEmpty(), signature);
        }
    }

    @ParameterizedTest(name = "colour={0}")
    @ValueSource(booleans = {true, false})
    void aDotOrAShortStrokeIsNoSignature(boolean colour) {
        MmRect box = layout.signature();
        FormContent unsigned = FormContent.typical("10000000000000000000005").withSignature(null);
        Shape dot = new Ellipse2D.Double(box.x() + 30, box.y() + 7, 0.8, 0.8);
        Shape stroke = new Line2D.Double(box.x() + 60, box.y() + 8, box.x() + 63.5, box.y() + 9);
        for (Shape mark : List.of(dot, stroke)) {
            SimulatedScan s = simulator.scan(unsigned, scan(colour), 5);
            drawInk(s, mark);
            FieldReadings r = read(s);
            assertFalse(r.signaturePresent(), mark.toString());
            assertEquals(Severity.REJECT, reason(r, ReasonCode.SIGNATURE_MISSING).orElseThrow().severity());
        }
    }

    @ParameterizedTest(name = "colour={0}")
    @ValueSource(booleans = {true, false})
    void aTypicalFormIsReadRightOrNotAtAll(boolean colour) {
        FormContent f = FormContent.typical("10000000000000000000006");
        FieldReadings r = read(simulator.scan(f, scan(colour), 6));
        if (r.phone().value() != null) {
            assertEquals("09012345678", r.phone().value());
        } else {
            assertTrue(reason(r, ReasonCode.PHONE_UNREADABLE).isPresent());
        }
        if (r.applicationDate().value() != null) {
            assertEquals("2026-11-20", r.applicationDate().value());
        } else {
            assertTrue(reason(r, ReasonCode.DATE_UNREADABLE).isPresent());
        }
        assertTrue(r.signaturePresent());
    }

    /**
     * A digit that spills across the gap into the next box and joins the digit written there: which strokes belong
     * to which box cannot be told, so the phone number goes to a person instead of being read from a guess.
     */
    @ParameterizedTest(name = "colour={0}")
    @ValueSource(booleans = {true, false})
    void writingThatRunsIntoTheNextBoxIsNotReadAsDigits(boolean colour) {
        FormContent f = FormContent.typical("10000000000000000000007");
        SimulatedScan s = simulator.scan(f, scan(colour), 7);
        MmRect third = layout.phoneBoxes().get(3);
        MmRect fourth = layout.phoneBoxes().get(4);
        drawInk(s, new Line2D.Double(third.centreX(), third.centreY() + 1, fourth.centreX(), fourth.centreY() + 1.5));
        FieldReadings r = read(s);
        assertNull(r.phone().value(), "a phone number read through joined boxes: " + r.phone());
        Reason unreadable = reason(r, ReasonCode.PHONE_UNREADABLE).orElseThrow();
        assertTrue(unreadable.detail().contains("runs from one phone box into the next"), unreadable.detail());
    }

    /** A ballpoint mark drawn straight onto the scan, placed in page millimetres. */
    private static void drawInk(SimulatedScan s, Shape mmShape) {
        PageTransform t = s.truth();
        Graphics2D g = s.image().createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.transform(new AffineTransform(t.a(), t.d(), t.b(), t.e(), t.c(), t.f()));
            g.setColor(new Color(25, 25, 30));
            g.setStroke(new BasicStroke(0.45f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.fill(g.getStroke().createStrokedShape(mmShape));
            g.fill(mmShape);
        } finally {
            g.dispose();
        }
    }
}
