package org.shinsei.id;

import java.util.List;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

/**
 * Decides the ID from the two sources. A wrong ID is the worst outcome (another resident's application), so an
 * ID is never repaired or guessed: a disagreement always goes to a person. The QR code is error-corrected, so
 * it outranks an unconfident print; a confident print that disagrees with it leaves no ID at all, and so does a
 * QR code that decodes to something other than an ID beside a printed ID.
 */
final class IdCrossCheck {

    private IdCrossCheck() {
    }

    static IdReading decide(QrResult qr, PrintedReading printed, double minConfidence) {
        String q = qr.payload();
        String p = printed.digits();
        double conf = printed.confidence();
        boolean confident = printed.confident(minConfidence);
        if (q != null && p != null) {
            if (q.equals(p)) {
                return new IdReading(q, IdSource.BOTH, q, p, conf, List.of(), printed.check());
            }
            String detail = "QR and printed digits differ at " + differingPositions(q, p) + " position(s)";
            if (confident) {
                return new IdReading(null, IdSource.NONE, q, p, conf,
                        List.of(Reason.of(ReasonCode.ID_MISMATCH, detail)));
            }
            return new IdReading(q, IdSource.QR, q, p, conf,
                    List.of(Reason.of(ReasonCode.ID_MISMATCH, detail + "; printed read unconfident, QR taken")));
        }
        if (q != null) {
            return new IdReading(q, IdSource.QR, q, null, conf, List.of());
        }
        if (qr.rejected() != null && p != null) {
            // The QR decoded (so that is what is printed) but is not an ID: the form's two IDs disagree.
            return new IdReading(null, IdSource.NONE, null, p, conf,
                    List.of(Reason.of(ReasonCode.ID_MISMATCH, qr.rejected())));
        }
        if (confident) {
            return new IdReading(p, IdSource.PRINTED, null, p, conf, List.of());
        }
        return new IdReading(null, IdSource.NONE, null, p, conf,
                List.of(Reason.of(ReasonCode.ID_UNREADABLE, unreadableDetail(qr, printed, minConfidence))));
    }

    private static long differingPositions(String a, String b) {
        long n = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                n++;
            }
        }
        return n;
    }

    private static String unreadableDetail(QrResult qr, PrintedReading printed, double minConfidence) {
        String q = qr.rejected() != null ? qr.rejected() : "QR not decoded";
        String p;
        if (printed.timedOut()) {
            p = "printed OCR timed out";
        } else if (printed.digits() == null) {
            p = "printed line not 23 digits";
        } else if (printed.blotted()) {
            p = "ink blot on the printed digits";
        } else if (!printed.wholeDigits()) {
            p = "part of a printed digit covered";
        } else if (!printed.grouped()) {
            p = "printed digits not in 4-4-4-4-4-3 groups";
        } else {
            p = String.format("printed confidence %.2f < %.2f", printed.confidence(), minConfidence);
        }
        return q + "; " + p;
    }
}
