package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.sample.FontHandwriting;
import org.shinsei.sample.FormContent;
import org.shinsei.sample.FormRenderer;
import org.shinsei.sample.Handwriting;
import org.shinsei.sample.InkColour;
import org.shinsei.sample.Mark;
import org.shinsei.sample.MnistHandwriting;
import org.shinsei.sample.ScanConditions;
import org.shinsei.sample.ScanSimulator;
import org.shinsei.sample.WrittenDate;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;

/**
 * Issue 4: how well the hand-written fields are read on generated scans whose digits are real hand-writing the
 * model never saw (held-out MNIST indices 400–499 of every digit), 200–400 dpi, colour and grey, black, blue and
 * faint blue ink, JPEG, noise and blur; signatures, scrawls or only stray marks in the signature box; ticks, crosses,
 * fills, scribbles, faint dots and stray marks around empty checkboxes. Prints the figures (with the same for
 * Tesseract alone, and the per-form CPU time of the four fields as a benchmark) and fails under the floors below. The
 * number that matters is the error rate among auto-accepted fields: a wrong value that nobody looks at.
 */
class FieldsEvaluationTest {

    private static final int MNIST_FORMS = 300;
    private static final int FONT_FORMS = 20;
    /** Tesseract takes ~20 ms a character: the baseline reads the first this many digit boxes. */
    private static final int TESSERACT_DIGITS = 200;
    /** Pages read before the timing starts (class loading, JIT). */
    private static final int WARM_UP = 10;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    // Floors, set from measured figures with margin (see the report in the branch's last commit).
    private static final double MIN_DIGIT_ACCURACY = 0.975;
    private static final double MAX_ACCEPTED_FIELD_ERROR = 0.005;
    private static final double MIN_AUTO_ACCEPT = 0.47;
    private static final double MIN_CHECKBOX_RIGHT = 0.99;
    private static final double MIN_SIGNATURE_RIGHT = 0.99;

    private static FormLayout layout;
    private static ScanSimulator simulator;
    private static FieldReader reader;
    private static DigitBoxReader boxReader;
    /** Digit floors of the threshold sweep; the field floor is swept on the product each reader reports. */
    private static final double[] SWEEP_DIGIT_FLOORS = {0, 0.95, 0.97, 0.98, 0.99};
    private static final double[] SWEEP_FIELD_FLOORS = {0, 0.9, 0.95, 0.98};
    /** One reader per digit floor of the sweep, with no field floor. */
    private static final List<FieldReader> unguarded = new ArrayList<>();
    private static CheckboxReader checkboxReader;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        layout = LayoutLoader.loadDefault();
        simulator = new ScanSimulator(new FormRenderer(layout));
        FieldsProperties props = FieldsProperties.defaults();
        DigitClassifier classifier = DigitClassifier.fromClasspath();
        reader = new FieldReader(props, layout, classifier);
        boxReader = new DigitBoxReader(classifier, props);
        checkboxReader = new CheckboxReader(props);
        for (double digitFloor : SWEEP_DIGIT_FLOORS) {
            unguarded.add(new FieldReader(new FieldsProperties(props.pxPerMm(), props.growMm(), props.frameBandMm(),
                    props.inkThreshold(), props.speckMm2(), props.digitMinExtentMm(), digitFloor, 0,
                    props.signatureMinInkMm2(), props.signatureMinSpanMm(), props.signatureClearInkMm2(),
                    props.signatureClearSpanMm(), props.checkboxEmptyBelow(), props.checkboxMarkedAbove()), layout,
                    classifier));
        }
    }

    @Test
    void heldOutMnistHandwriting() throws IOException {
        Tally t = run(MNIST_FORMS, 1, seed -> mnist(seed), true);
        t.print("held-out MNIST digits (indices 400-499)");
        assertTrue(t.digits >= 2000, "at least 2,000 digits in fields, got " + t.digits);
        assertTrue(t.digitAccuracy() >= MIN_DIGIT_ACCURACY, "digit accuracy " + t.digitAccuracy());
        assertTrue(t.acceptedError() <= MAX_ACCEPTED_FIELD_ERROR, "error among auto-accepted fields " + t.acceptedError());
        assertTrue(t.autoAccept() >= MIN_AUTO_ACCEPT, "auto-accept rate " + t.autoAccept());
        assertTrue(t.checkboxRight() >= MIN_CHECKBOX_RIGHT, "checkboxes right " + t.checkboxRight());
        assertTrue(t.signatureRight() >= MIN_SIGNATURE_RIGHT, "signatures right " + t.signatureRight());
    }

    /** Out of the training domain: digits drawn in the Klee One hand-writing font. Wrong values must still be rare. */
    @Test
    void fontHandwritingOutsideTheTrainingDomain() throws IOException {
        Tally t = run(FONT_FORMS, 2, seed -> new FontHandwriting(seed), false);
        t.print("Klee One font digits (never trained on)");
        assertTrue(t.acceptedError() <= MAX_ACCEPTED_FIELD_ERROR * 2 || t.accepted < 50,
                "error among auto-accepted fields " + t.acceptedError());
    }

    private static Handwriting mnist(long seed) {
        try {
            return new MnistHandwriting(ScannedForms.DIGITS, ScannedForms.indices(DigitModelTrainer.TRAIN_END, 500), seed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    interface Writer {
        Handwriting of(long seed);
    }

    private Tally run(int forms, long salt, Writer writer, boolean tesseract) {
        SplittableRandom rnd = new SplittableRandom(20261127L * 31 + salt);
        Tally t = new Tally();
        Tesseract tess = tesseract ? tesseract() : null;
        for (int i = 0; i < forms; i++) {
            Truth truth = Truth.draw(rnd);
            FormContent form = FormContent.typical(String.format("%023d", i))
                    .withPhone(truth.phone).withDate(truth.written).withSignature(truth.signature)
                    .withCheckboxes(truth.marks.get(0), truth.marks.get(1), truth.marks.get(2))
                    .withInk(truth.ink)
                    .withHandwriting(writer.of(rnd.nextLong())).withSeed(rnd.nextLong());
            ScanConditions c = conditions(rnd, i);
            long g0 = System.nanoTime();
            org.shinsei.sample.SimulatedScan scan = simulator.scan(form, c, rnd.nextLong());
            t.generateNanos += System.nanoTime() - g0;
            try (RegisteredPage page = ScannedForms.register(scan)) {
                long t0 = System.nanoTime();
                long cpu0 = CPU.getCurrentThreadCpuTime();
                FieldReadings r = reader.read(page, PageRef.envelope("eval-" + i).page(1), ScannedForms.BATCH_DATE);
                long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - t0;
                if (i >= WARM_UP) {
                    t.nanos += wall;
                    t.cpuNanos += cpu;
                    t.maxCpuNanos = Math.max(t.maxCpuNanos, cpu);
                    t.timed++;
                }
                t.pages++;
                t.field(truth.phone.isEmpty() ? null : truth.phone, r.phone(), r.reasons(), truth.phone.isEmpty()
                        ? ReasonCode.PHONE_MISSING : null, c.colour());
                t.field(truth.iso, r.applicationDate(), r.reasons(), truth.dateCode, c.colour());
                for (int f = 0; f < SWEEP_DIGIT_FLOORS.length; f++) {
                    FieldReadings all = unguarded.get(f).read(page, PageRef.envelope("eval-" + i).page(1),
                            ScannedForms.BATCH_DATE);
                    t.sweep(f, truth.phone.isEmpty() ? null : truth.phone, all.phone());
                    t.sweep(f, truth.iso, all.applicationDate());
                }
                t.signature(truth.signature, r.signaturePresent(), r.reasons(), truth.ink);
                List<MmRect> cb = List.copyOf(layout.checkboxes().values());
                for (int k = 0; k < 3; k++) {
                    t.share(truth.marks.get(k), checkboxReader.read(page, cb.get(k)).inkShare());
                }
                t.checkbox(truth.marks.get(0), r.noSigningCertificate(), truth.ink);
                t.checkbox(truth.marks.get(1), r.noUserCertificate(), truth.ink);
                t.checkbox(truth.marks.get(2), r.braille(), truth.ink);
                digits(page, truth, t, tess);
            }
        }
        return t;
    }

    /** Every written box read on its own, and by Tesseract on the same frame-free crop. */
    private void digits(RegisteredPage page, Truth truth, Tally t, Tesseract tess) {
        List<MmRect> boxes = new ArrayList<>(layout.phoneBoxes());
        List<String> written = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            written.add(i < truth.phone.length() ? truth.phone.substring(i, i + 1) : "");
        }
        boxes.addAll(layout.yearBoxes());
        boxes.addAll(layout.monthBoxes());
        boxes.addAll(layout.dayBoxes());
        written.addAll(truth.written.year());
        written.addAll(truth.written.month());
        written.addAll(truth.written.day());
        boolean tessAll = tess != null;
        boolean tessPhone = true;
        boolean tessDate = true;
        for (int i = 0; i < boxes.size(); i++) {
            BoxReading b = boxReader.read(page, boxes.get(i));
            if (written.get(i).isEmpty()) {
                t.emptyBoxes++;
                if (!b.empty()) {
                    t.emptyReadAsInk++;
                    System.out.println("empty box " + i + " read as " + b + " (boxes 0-10 phone, 11-16 date)");
                }
                continue;
            }
            int digit = written.get(i).charAt(0) - '0';
            t.digits++;
            if (b.kind() == BoxReading.Kind.DIGIT && b.digit() == digit) {
                t.digitsRight++;
            }
            if (tess != null && t.tessDigits < TESSERACT_DIGITS) {
                t.tessDigits++;
                long t0 = System.nanoTime();
                if (tesseract(tess, page, boxes.get(i)).equals(written.get(i))) {
                    t.tessRight++;
                } else if (i < layout.phoneBoxes().size()) {
                    tessPhone = false;
                } else {
                    tessDate = false;
                }
                t.tessNanos += System.nanoTime() - t0;
            } else {
                tessAll = false;
            }
        }
        // Tesseract alone has no usable confidence: every field it reads is taken as it reads it
        if (tessAll) {
            if (!truth.phone.isEmpty()) {
                t.tessFields++;
                t.tessFieldsRight += tessPhone ? 1 : 0;
            }
            if (truth.iso != null) {
                t.tessFields++;
                t.tessFieldsRight += tessDate ? 1 : 0;
            }
        }
    }

    private static ScanConditions conditions(SplittableRandom rnd, int i) {
        double dpi = new double[] {200, 250, 300, 350, 400}[i % 5];
        boolean colour = (i / 5) % 2 == 0;
        int jpeg = rnd.nextDouble() < 0.5 ? 0 : 30 + rnd.nextInt(61);
        return ScanConditions.clean(dpi).withColour(colour)
                .withGeometry(0, rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1,
                        rnd.nextDouble() * 0.04 - 0.02)
                .withQuality(235 + rnd.nextInt(21), 1 + rnd.nextDouble() * 4, 0.4 + rnd.nextDouble() * 0.8, jpeg)
                .withBedMargin(2);
    }

    private static Tesseract tesseract() {
        Tesseract t = new Tesseract();
        t.setDatapath("/usr/share/tesseract-ocr/5/tessdata");
        t.setLanguage("eng");
        t.setPageSegMode(10);
        t.setVariable("tessedit_char_whitelist", "0123456789");
        return t;
    }

    private static String tesseract(Tesseract tess, RegisteredPage page, MmRect box) {
        Mat raw = InkMap.extract(page, box, 1.0, 10, 1.0);
        Mat ink = TessPrep.prepare(raw);
        raw.release();
        try {
            BufferedImage img = new BufferedImage(ink.cols(), ink.rows(), BufferedImage.TYPE_BYTE_GRAY);
            ink.get(0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            return tess.doOCR(img).trim();
        } catch (TesseractException e) {
            throw new IllegalStateException("tesseract failed on a digit crop", e);
        } finally {
            ink.release();
        }
    }

    /** What a generated form holds, and what the reader should report for it. */
    record Truth(String phone, WrittenDate written, String iso, ReasonCode dateCode, String signature, List<Mark> marks,
                 InkColour ink) {

        static Truth draw(SplittableRandom rnd) {
            String phone = "";
            if (rnd.nextDouble() >= 0.05) {
                // as Japanese numbers are: mobile 070/080/090 (and 050 IP) + 8 digits; landline 0 + area code
                // (never starting with 0) + subscriber, 10 digits in all
                StringBuilder p = new StringBuilder("0");
                int n = rnd.nextDouble() < 0.7 ? 11 : 10;
                if (n == 11) {
                    p.append("5789".charAt(rnd.nextDouble() < 0.1 ? 0 : 1 + rnd.nextInt(3))).append('0');
                } else {
                    p.append(1 + rnd.nextInt(9));
                }
                while (p.length() < n) {
                    p.append(rnd.nextInt(10));
                }
                phone = p.toString();
            }
            double u = rnd.nextDouble();
            WrittenDate written;
            String iso = null;
            ReasonCode code = null;
            if (u < 0.05) {
                written = WrittenDate.blank();
                code = ReasonCode.DATE_MISSING;
            } else if (u < 0.12) {
                boolean future = rnd.nextBoolean();
                LocalDate d = future ? ScannedForms.BATCH_DATE.plusDays(1 + rnd.nextInt(60)) : null;
                written = future ? write(rnd, d.getYear() - 2018, d.getMonthValue(), d.getDayOfMonth())
                        : write(rnd, 1 + rnd.nextInt(8), 2, 30);
                code = ReasonCode.DATE_INVALID;
            } else {
                LocalDate start = DateField.REIWA_START;
                long span = ScannedForms.BATCH_DATE.toEpochDay() - start.toEpochDay();
                LocalDate d = start.plusDays(rnd.nextLong(span + 1));
                written = write(rnd, d.getYear() - 2018, d.getMonthValue(), d.getDayOfMonth());
                iso = d.toString();
            }
            double s = rnd.nextDouble();
            String signature = s < 0.06 ? null : s < 0.14 ? FormContent.STRAY_MARKS : s < 0.28 ? FormContent.SCRIBBLE
                    : "見本 太郎";
            List<Mark> marks = new ArrayList<>();
            Mark[] all = Mark.values();
            for (int i = 0; i < 3; i++) {
                marks.add(rnd.nextDouble() < 0.35 ? Mark.EMPTY : all[rnd.nextInt(all.length)]);
            }
            double u2 = rnd.nextDouble();
            InkColour ink = u2 < 0.2 ? InkColour.FAINT_BLUE : u2 < 0.45 ? InkColour.BLUE : InkColour.BLACK;
            return new Truth(phone, written, iso, code, signature, marks, ink);
        }

        /** A value below 10 as "0v", or as one digit in the left or the right box. */
        private static WrittenDate write(SplittableRandom rnd, int y, int m, int d) {
            return new WrittenDate(two(rnd, y), two(rnd, m), two(rnd, d));
        }

        private static List<String> two(SplittableRandom rnd, int v) {
            if (v >= 10) {
                return List.of(String.valueOf(v / 10), String.valueOf(v % 10));
            }
            double u = rnd.nextDouble();
            return u < 0.6 ? List.of("0", String.valueOf(v)) : u < 0.8 ? List.of(String.valueOf(v), "")
                    : List.of("", String.valueOf(v));
        }
    }

    static final class Tally {
        int pages;
        long nanos;
        long cpuNanos;
        long maxCpuNanos;
        int timed;
        long generateNanos;
        long tessNanos;
        int digits;
        int digitsRight;
        int emptyBoxes;
        int emptyReadAsInk;
        int tessDigits;
        int tessFields;
        int tessFieldsRight;
        int tessRight;
        int fields;
        int fieldsWithValue;
        int exact;
        int accepted;
        int acceptedWrong;
        int[] acceptedByColour = new int[2];
        int[] fieldsByColour = new int[2];
        int blankFields;
        int blankRight;
        int invalidFields;
        int invalidFlagged;
        int[][] signature = new int[2][3];
        Map<Mark, int[]> checkboxes = new EnumMap<>(Mark.class);
        /** Per digit floor of the sweep: the confidence of every field accepted, and whether it was right. */
        List<List<double[]>> sweep = new ArrayList<>();
        Map<Mark, double[]> shares = new EnumMap<>(Mark.class);

        void share(Mark m, double share) {
            double[] r = shares.computeIfAbsent(m, k -> new double[] {1, 0});
            r[0] = Math.min(r[0], share);
            r[1] = Math.max(r[1], share);
        }

        /** A field read with no confidence floor: its confidence and whether the value would be right. */
        void sweep(int digitFloor, String truth, FieldValue read) {
            while (sweep.size() <= digitFloor) {
                sweep.add(new ArrayList<>());
            }
            if (read.value() != null) {
                sweep.get(digitFloor).add(new double[] {read.confidence(), read.value().equals(truth) ? 1 : 0});
            }
        }

        void field(String truth, FieldValue read, List<Reason> reasons, ReasonCode expected, boolean colour) {
            fields++;
            if (read.value() != null) {
                accepted++;
                if (!read.value().equals(truth)) {
                    acceptedWrong++;
                }
            }
            if (truth != null) {
                fieldsWithValue++;
                fieldsByColour[colour ? 1 : 0]++;
                if (read.value() != null) {
                    acceptedByColour[colour ? 1 : 0]++;
                }
                if (truth.equals(read.value())) {
                    exact++;
                }
            } else if (expected == ReasonCode.PHONE_MISSING || expected == ReasonCode.DATE_MISSING) {
                blankFields++;
                if (reasons.stream().anyMatch(r -> r.code() == expected)) {
                    blankRight++;
                } else {
                    System.out.println("blank field not reported " + expected + ": " + reasons.stream()
                            .map(r -> r.code() + " (" + r.detail() + ")").toList());
                }
            } else if (expected == ReasonCode.DATE_INVALID) {
                invalidFields++;
                if (reasons.stream().anyMatch(r -> r.code() == ReasonCode.DATE_INVALID
                        || r.code() == ReasonCode.DATE_UNREADABLE)) {
                    invalidFlagged++;
                }
            }
        }

        /** Per ink: signatures right, signatures, checkboxes right, checkboxes. */
        Map<InkColour, int[]> byInk = new EnumMap<>(InkColour.class);
        int[] strays = new int[4];

        void signature(String truth, boolean present, List<Reason> reasons, InkColour ink) {
            boolean written = truth != null && !FormContent.STRAY_MARKS.equals(truth);
            boolean review = reasons.stream().anyMatch(r -> r.code() == ReasonCode.SIGNATURE_MISSING
                    && r.severity() == org.shinsei.decision.Severity.REVIEW);
            int col = present ? 2 : review ? 1 : 0;
            signature[written ? 1 : 0][col]++;
            boolean right = written ? col == 2 : col == 0;
            int[] k = byInk.computeIfAbsent(ink, x -> new int[4]);
            k[0] += right ? 1 : 0;
            k[1]++;
            if (FormContent.STRAY_MARKS.equals(truth)) {
                strays[0] += right ? 1 : 0;
                strays[1]++;
            }
        }

        void checkbox(Mark truth, Boolean read, InkColour ink) {
            int[] row = checkboxes.computeIfAbsent(truth, m -> new int[3]);
            int col = read == null ? 1 : read ? 2 : 0;
            row[col]++;
            boolean right = col == expectedColumn(truth);
            int[] k = byInk.computeIfAbsent(ink, x -> new int[4]);
            k[2] += right ? 1 : 0;
            k[3]++;
            if (truth == Mark.STRAY) {
                strays[2] += right ? 1 : 0;
                strays[3]++;
            }
        }

        private static int expectedColumn(Mark m) {
            return m == Mark.AMBIGUOUS ? 1 : m.marked() ? 2 : 0;
        }

        double digitAccuracy() {
            return digitsRight / (double) digits;
        }

        double autoAccept() {
            return accepted / (double) Math.max(1, fieldsWithValue);
        }

        double acceptedError() {
            return acceptedWrong / (double) Math.max(1, accepted);
        }

        double signatureRight() {
            return (signature[0][0] + signature[1][2]) / (double) (pages);
        }

        double checkboxRight() {
            int right = 0;
            int all = 0;
            for (Map.Entry<Mark, int[]> e : checkboxes.entrySet()) {
                int[] row = e.getValue();
                all += row[0] + row[1] + row[2];
                right += e.getKey() == Mark.AMBIGUOUS ? row[1] : e.getKey().marked() ? row[2] : row[0];
            }
            return right / (double) all;
        }

        void print(String title) {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "%n== fields evaluation: %s, %d pages, 200-400 dpi, colour+grey, black, blue and faint blue ink ==%n",
                    title, pages));
            s.append(String.format(Locale.ROOT, "digit accuracy (per written box)    %6.2f%% (%d/%d)%n",
                    100 * digitAccuracy(), digitsRight, digits));
            if (tessDigits > 0) {
                s.append(String.format(Locale.ROOT, "  Tesseract baseline, same crops    %6.2f%% (%d/%d, psm 10, digits whitelist)%n",
                        100.0 * tessRight / tessDigits, tessRight, tessDigits));
                s.append(String.format(Locale.ROOT, "  Tesseract alone, whole fields      %6.2f%% exact (%d/%d valid fields of the first forms;"
                        + " no confidence, so all auto-accepted, review rate 0%%, exact match among them the same)%n",
                        100.0 * tessFieldsRight / Math.max(1, tessFields), tessFieldsRight, tessFields));
            }
            s.append(String.format(Locale.ROOT, "empty boxes read as ink             %6.2f%% (%d/%d)%n",
                    100.0 * emptyReadAsInk / Math.max(1, emptyBoxes), emptyReadAsInk, emptyBoxes));
            s.append(String.format(Locale.ROOT, "field exact match (valid fields)    %6.2f%% (%d/%d)%n",
                    100.0 * exact / fieldsWithValue, exact, fieldsWithValue));
            s.append(String.format(Locale.ROOT, "auto-accept rate (valid fields)     %6.2f%% (%d/%d; grey %d/%d, colour %d/%d)%n",
                    100 * autoAccept(), accepted, fieldsWithValue, acceptedByColour[0], fieldsByColour[0],
                    acceptedByColour[1], fieldsByColour[1]));
            s.append(String.format(Locale.ROOT, "REVIEW RATE (valid fields)          %6.2f%% (%d/%d)%n",
                    100 * (1 - autoAccept()), fieldsWithValue - accepted, fieldsWithValue));
            s.append(String.format(Locale.ROOT, "ERROR AMONG AUTO-ACCEPTED FIELDS    %6.3f%% (%d/%d; exact match among them %.2f%%)%n",
                    100 * acceptedError(), acceptedWrong, accepted, 100 * (1 - acceptedError())));
            s.append(String.format(Locale.ROOT, "blank fields -> *_MISSING           %d/%d;  invalid dates flagged %d/%d%n",
                    blankRight, blankFields, invalidFlagged, invalidFields));
            s.append(String.format(Locale.ROOT, "signature  (rows truth, cols read: missing / review / present)%n"));
            s.append(String.format(Locale.ROOT, "  none     %5d %5d %5d%n", signature[0][0], signature[0][1], signature[0][2]));
            s.append(String.format(Locale.ROOT, "  written  %5d %5d %5d%n", signature[1][0], signature[1][1], signature[1][2]));
            s.append(String.format(Locale.ROOT, "SIGNATURES RIGHT                    %6.2f%% (stray marks only: %d/%d read missing)%n",
                    100 * signatureRight(), strays[0], strays[1]));
            s.append(String.format(Locale.ROOT, "CHECKBOXES RIGHT                    %6.2f%% (stray marks around an empty box: %d/%d unmarked)%n",
                    100 * checkboxRight(), strays[2], strays[3]));
            for (Map.Entry<InkColour, int[]> e : byInk.entrySet()) {
                int[] k = e.getValue();
                s.append(String.format(Locale.ROOT, "  %-10s ink: signatures %d/%d, checkboxes %d/%d%n", e.getKey(),
                        k[0], k[1], k[2], k[3]));
            }
            s.append(String.format(Locale.ROOT, "checkboxes (rows truth, cols read: unmarked / ambiguous / marked)%n"));
            for (Map.Entry<Mark, int[]> e : checkboxes.entrySet()) {
                int[] row = e.getValue();
                double[] range = shares.getOrDefault(e.getKey(), new double[2]);
                s.append(String.format(Locale.ROOT, "  %-9s %5d %5d %5d   ink share %.1f%%..%.1f%%%n", e.getKey(),
                        row[0], row[1], row[2], 100 * range[0], 100 * range[1]));
            }
            long rightUnguarded = sweep.isEmpty() ? 0 : sweep.get(0).stream().filter(x -> x[1] == 1).count();
            s.append(String.format(Locale.ROOT, "CEILING: right with no floor at all    %6.2f%% (%d/%d valid fields read complete, valid and right:"
                    + " no confidence rule can auto-accept more with none wrong)%n", 100.0 * rightUnguarded / Math.max(1, fieldsWithValue),
                    rightUnguarded, fieldsWithValue));
            s.append("floor sweep: share of valid fields auto-accepted, and wrong among them, by the floor on every digit")
                    .append(" (rows) and on their product (columns)").append(System.lineSeparator());
            s.append("  digit floor");
            for (double f : SWEEP_FIELD_FLOORS) {
                s.append(String.format(Locale.ROOT, " | field >= %.2f        ", f));
            }
            s.append(System.lineSeparator());
            for (int d = 0; d < sweep.size(); d++) {
                s.append(String.format(Locale.ROOT, "  %.2f       ", SWEEP_DIGIT_FLOORS[d]));
                for (double floor : SWEEP_FIELD_FLOORS) {
                    List<double[]> row = sweep.get(d);
                    long kept = row.stream().filter(x -> x[0] >= floor).count();
                    long wrong = row.stream().filter(x -> x[0] >= floor && x[1] == 0).count();
                    s.append(String.format(Locale.ROOT, " | %5.1f%% %2d wrong %4.2f%%", 100.0 * kept / Math.max(1, fieldsWithValue),
                            wrong, 100.0 * wrong / Math.max(1, kept)));
                }
                s.append(System.lineSeparator());
            }
            s.append(String.format(Locale.ROOT, "BENCHMARK all four fields: %.1f ms CPU per form on one thread (max %.1f ms), "
                    + "%.1f ms wall on this shared machine; %d forms after %d warm-up%n", cpuNanos / 1e6 / Math.max(1, timed),
                    maxCpuNanos / 1e6, nanos / 1e6 / Math.max(1, timed), timed, WARM_UP));
            s.append(String.format(Locale.ROOT, "  generating a form %.0f ms; Tesseract %.1f ms per digit%n",
                    generateNanos / 1e6 / pages, tessNanos / 1e6 / Math.max(1, tessDigits)));
            System.out.print(s);
        }
    }
}
