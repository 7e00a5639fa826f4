package org.shinsei.photo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

/**
 * Collects the photo's reasons, one per code: several measurements can breach the same rule (the head too big
 * and too low are both FACE_FRAMING), and the record should carry the code once, at its worst severity, with
 * every breach in the detail.
 */
final class Findings {

    private final Map<ReasonCode, Band.Verdict> worst = new EnumMap<>(ReasonCode.class);
    private final Map<ReasonCode, List<String>> details = new EnumMap<>(ReasonCode.class);
    private final Map<ReasonCode, String> messages = new EnumMap<>(ReasonCode.class);

    /** Checks {@code value} against {@code band}; a breach is recorded under {@code code}. */
    Band.Verdict check(ReasonCode code, String what, double value, Band band) {
        Band.Verdict v = band.judge(value);
        if (v != Band.Verdict.WITHIN) {
            add(code, v, String.format(Locale.ROOT, "%s %.2f outside %s", what, value, band));
        }
        return v;
    }

    /** A finding that is not a measurement against a band (a missing photo, a second face). */
    void add(ReasonCode code, Band.Verdict verdict, String detail) {
        if (verdict == Band.Verdict.WITHIN) {
            return;
        }
        worst.merge(code, verdict, (a, b) -> a == Band.Verdict.OUTSIDE || b == Band.Verdict.OUTSIDE
                ? Band.Verdict.OUTSIDE : Band.Verdict.NEAR);
        details.computeIfAbsent(code, k -> new ArrayList<>()).add(detail);
    }

    /**
     * A REVIEW under {@code code} with its own Japanese message, for a finding the SPEC has no code of its own for
     * (see {@link PhotoInspector}: a print edge that cannot be seen).
     */
    void review(ReasonCode code, String message, String detail) {
        add(code, Band.Verdict.NEAR, detail);
        messages.put(code, message);
    }

    /** Lowers every finding of {@code codes} to REVIEW (a measurement that cannot be trusted enough to reject on). */
    void capAtReview(ReasonCode... codes) {
        for (ReasonCode c : codes) {
            worst.computeIfPresent(c, (k, v) -> Band.Verdict.NEAR);
        }
    }

    /** True when {@code code} was found outside its band (a REJECT), not only near it. */
    boolean outside(ReasonCode code) {
        return worst.get(code) == Band.Verdict.OUTSIDE;
    }

    boolean has(ReasonCode code) {
        return worst.containsKey(code);
    }

    List<Reason> reasons() {
        List<Reason> out = new ArrayList<>();
        worst.forEach((code, verdict) -> {
            String detail = String.join("; ", details.get(code));
            Reason r = verdict == Band.Verdict.NEAR ? Reason.nearLimit(code, detail) : Reason.of(code, detail);
            String message = messages.get(code);
            out.add(message == null ? r : new Reason(code, r.severity(), message, detail));
        });
        return List.copyOf(out);
    }
}
