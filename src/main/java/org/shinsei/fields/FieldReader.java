package org.shinsei.fields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the hand-written fields: phone, application date, signature presence, checkboxes. A value is given only
 * when the pipeline is sure of it; otherwise it is null with a reason, so that a person looks. Thread-safe: the
 * digit network is held per thread and every image is a crop owned by one call.
 */
@Component
public class FieldReader {

    private static final Logger log = LoggerFactory.getLogger(FieldReader.class);

    static final String NO_SIGNING_CERTIFICATE = "no_signing_certificate";
    static final String NO_USER_CERTIFICATE = "no_user_certificate";
    static final String BRAILLE = "braille";

    private final FormLayout layout;
    private final DigitBoxes digits;
    private final PhoneField phone;
    private final DateField date;
    /** The network's reading with no confidence floor: what the second opinion must agree with. */
    private final PhoneField phoneAsRead;
    private final DateField dateAsRead;
    /** Null when the settings ask for none. */
    private final SecondOpinion secondOpinion;
    private final SignatureDetector signature;
    private final CheckboxReader checkboxes;

    /** The production wiring: the project's layout, the committed digit network and its second opinion. */
    @Autowired
    public FieldReader(FieldsProperties props) {
        this(props, LayoutLoader.loadDefault(), DigitNet.fromClasspath());
    }

    public FieldReader(FieldsProperties props, FormLayout layout, DigitNet net) {
        this(props, layout, new DigitBoxReader(net, props), props.secondOpinion() ? SecondOpinion.classic(props) : null);
    }

    FieldReader(FieldsProperties props, FormLayout layout, DigitBoxes digits, SecondOpinion secondOpinion) {
        this.layout = Objects.requireNonNull(layout, "layout");
        for (String name : List.of(NO_SIGNING_CERTIFICATE, NO_USER_CERTIFICATE, BRAILLE)) {
            if (!layout.checkboxes().containsKey(name)) {
                throw new IllegalArgumentException("the layout has no checkbox " + name);
            }
        }
        this.digits = digits;
        DigitConfidence confidence = DigitConfidence.of(props);
        this.phone = new PhoneField(confidence);
        this.date = new DateField(confidence);
        DigitConfidence none = new DigitConfidence(0, 0);
        this.phoneAsRead = new PhoneField(none);
        this.dateAsRead = new DateField(none);
        this.secondOpinion = secondOpinion;
        this.signature = new SignatureDetector(props);
        this.checkboxes = new CheckboxReader(props);
    }

    /** @param batchDate the date of the batch: an application date after it is DATE_INVALID */
    public FieldReadings read(RegisteredPage page, PageRef ref, LocalDate batchDate) {
        List<Reason> reasons = new ArrayList<>();
        // every digit box of the form in one call of the network
        List<MmRect> boxes = new ArrayList<>(layout.phoneBoxes());
        boxes.addAll(layout.yearBoxes());
        boxes.addAll(layout.monthBoxes());
        boxes.addAll(layout.dayBoxes());
        List<BoxReading> read = digits.read(page, boxes);
        int p = layout.phoneBoxes().size();
        int y = p + layout.yearBoxes().size();
        int m = y + layout.monthBoxes().size();
        FieldOutcome phoneOutcome = phone.interpret(read.subList(0, p));
        FieldOutcome dateOutcome = date.interpret(read.subList(p, y), read.subList(y, m), read.subList(m, read.size()),
                batchDate);
        if (secondOpinion != null && phoneOutcome.value().value() == null) {
            String asRead = phoneAsRead.interpret(read.subList(0, p)).value().value();
            phoneOutcome = orElse(secondOpinion.phone(page, layout.phoneBoxes(), asRead), phoneOutcome, ref, "phone");
        }
        if (secondOpinion != null && dateOutcome.value().value() == null) {
            String asRead = dateAsRead.interpret(read.subList(p, y), read.subList(y, m), read.subList(m, read.size()),
                    batchDate).value().value();
            dateOutcome = orElse(secondOpinion.date(page, layout.yearBoxes(), layout.monthBoxes(), layout.dayBoxes(),
                    batchDate, asRead), dateOutcome, ref, "date");
        }
        add(reasons, phoneOutcome.reason());
        add(reasons, dateOutcome.reason());
        Reason noSignature = signature.check(page, layout.signature());
        add(reasons, noSignature);
        Boolean noSigning = checkbox(page, NO_SIGNING_CERTIFICATE, reasons);
        Boolean noUser = checkbox(page, NO_USER_CERTIFICATE, reasons);
        Boolean braille = checkbox(page, BRAILLE, reasons);
        log.debug("{} fields: {}", ref, reasons.stream().map(r -> r.code().name()).toList());
        return new FieldReadings(phoneOutcome.value(), dateOutcome.value(), noSignature == null,
                noSigning, noUser, braille, List.copyOf(reasons));
    }

    private static FieldOutcome orElse(FieldOutcome agreed, FieldOutcome network, PageRef ref, String field) {
        if (agreed == null) {
            return network;
        }
        log.debug("{} {}: not sure to the network alone, accepted as the second reader reads the same value", ref, field);
        return agreed;
    }

    private Boolean checkbox(RegisteredPage page, String name, List<Reason> reasons) {
        CheckboxReader.Check check = checkboxes.read(page, layout.checkboxes().get(name));
        if (check.marked() == null) {
            reasons.add(Reason.of(ReasonCode.CHECKBOX_AMBIGUOUS,
                    String.format(Locale.ROOT, "%s: ink on %.1f%% of the box", name, 100 * check.inkShare())));
        }
        return check.marked();
    }

    private static void add(List<Reason> reasons, Reason r) {
        if (r != null) {
            reasons.add(r);
        }
    }
}
