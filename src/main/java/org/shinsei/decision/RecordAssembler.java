package org.shinsei.decision;

import java.util.ArrayList;
import java.util.List;

import org.shinsei.fields.FieldReadings;
import org.shinsei.fields.FieldValue;
import org.shinsei.id.IdReading;
import org.shinsei.output.FormRecord;
import org.shinsei.photo.PhotoMeasurement;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.scan.Envelope;

/**
 * Puts the stages' readings of one form page together into its record and decides the outcome (SPEC §3:
 * worst severity wins, every reason listed, in stage order).
 */
public final class RecordAssembler {

    private RecordAssembler() {
    }

    /** A record for a whole envelope that yielded no form: unreadable, or no 交付申請書 in it. */
    public static FormRecord envelopeRecord(Envelope envelope, Reason reason) {
        List<Reason> reasons = List.of(reason);
        return new FormRecord(envelope.batchId(), envelope.name(), envelope.sha256(), null, null,
                DecisionRule.outcome(reasons), reasons, null, null, null, null);
    }

    /**
     * The record of one form page. Any argument but the envelope and page may be null when its stage failed; the
     * failure is then among {@code extra}.
     */
    public static FormRecord formRecord(Envelope envelope, RegisteredPage page, IdReading id, List<Reason> registry,
                                        FieldReadings fields, PhotoMeasurement photo, List<Reason> extra) {
        List<Reason> reasons = new ArrayList<>();
        if (id != null) {
            reasons.addAll(id.reasons());
        }
        reasons.addAll(registry);
        if (fields != null) {
            reasons.addAll(fields.reasons());
        }
        if (photo != null) {
            reasons.addAll(photo.reasons());
        }
        reasons.addAll(extra);
        return new FormRecord(envelope.batchId(), envelope.name(), envelope.sha256(), page.pageNo(),
                id == null ? null : id.applicationId(),
                DecisionRule.outcome(reasons), reasons, fields(fields), photo(photo),
                id == null ? null : id.source().name(),
                new FormRecord.Registration(page.orientationDeg(), round(page.skewDeg(), 2), round(page.dpi(), 1)));
    }

    private static FormRecord.Fields fields(FieldReadings f) {
        if (f == null) {
            return null;
        }
        return new FormRecord.Fields(value(f.phone()), value(f.applicationDate()), f.signaturePresent(),
                f.noSigningCertificate(), f.noUserCertificate(), f.braille());
    }

    private static FormRecord.Value value(FieldValue v) {
        return v == null ? new FormRecord.Value(null, 0) : new FormRecord.Value(v.value(), round(v.confidence(), 3));
    }

    private static FormRecord.Photo photo(PhotoMeasurement p) {
        if (p == null) {
            return null;
        }
        PhotoMeasurement.FacePoints f = p.points();
        FormRecord.Landmarks points = f == null ? null : new FormRecord.Landmarks(round(f.leftEyeXMm(), 2),
                round(f.leftEyeYMm(), 2), round(f.rightEyeXMm(), 2), round(f.rightEyeYMm(), 2), round(f.chinXMm(), 2),
                round(f.chinYMm(), 2));
        return new FormRecord.Photo(round(p.widthMm(), 1), round(p.heightMm(), 1), round(p.faceHeightMm(), 1),
                round(p.topMarginMm(), 1), round(p.centreOffsetMm(), 1), round(p.rollDeg(), 1), p.faces(), points);
    }

    private static Double round(Double v, int places) {
        if (v == null) {
            return null;
        }
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
