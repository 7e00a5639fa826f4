package org.shinsei.output;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shinsei.decision.DecisionRule;
import org.shinsei.decision.Outcome;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

/**
 * One record of SPEC §3: a line of {@code results.jsonl} and a message on the output queue. The SPEC keys come
 * first and are never renamed; {@code idSource} and {@code registration} are additions.
 */
public record FormRecord(String batch, String envelope, String envelopeSha256, Integer page, String applicationId,
                         Outcome outcome, List<Reason> reasons, Fields fields, Photo photo,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String idSource,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Registration registration) {

    public FormRecord {
        reasons = List.copyOf(reasons);
    }

    /** SPEC §3 {@code fields}. */
    public record Fields(Value phone, Value applicationDate, Boolean signaturePresent,
                         Boolean noSigningCertificate, Boolean noUserCertificate, Boolean braille) {
    }

    /** A field value and its confidence; value null when not read with confidence. */
    public record Value(String value, double confidence) {
    }

    /**
     * SPEC §3 {@code photo}, in millimetres on the print; {@code faces} and {@code landmarksMm} (the face mesh's
     * pupils and chin, null without a face) are additions.
     */
    public record Photo(Double widthMm, Double heightMm, Double faceHeightMm, Double topMarginMm,
                        Double centreOffsetMm, Double rollDeg, Integer faces, Landmarks landmarksMm) {

        public Photo(Double widthMm, Double heightMm, Double faceHeightMm, Double topMarginMm, Double centreOffsetMm,
                     Double rollDeg, Integer faces) {
            this(widthMm, heightMm, faceHeightMm, topMarginMm, centreOffsetMm, rollDeg, faces, null);
        }
    }

    /** Pupils (image left, image right) and chin on the print, mm from its top-left corner. */
    public record Landmarks(double leftEyeX, double leftEyeY, double rightEyeX, double rightEyeY, double chinX,
                            double chinY) {
    }

    /** How the page lay on the scanner. */
    public record Registration(int orientationDeg, double skewDeg, double dpi) {
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    /** This record with {@code reason} added (if its code is not there yet) and the outcome decided again. */
    public FormRecord with(Reason reason) {
        if (has(reason.code())) {
            return this;
        }
        List<Reason> more = new ArrayList<>(reasons);
        more.add(reason);
        return withReasons(more);
    }

    /** This record without any reason of {@code code}, the outcome decided again. */
    public FormRecord without(ReasonCode code) {
        return withReasons(reasons.stream().filter(r -> r.code() != code).toList());
    }

    private FormRecord withReasons(List<Reason> rs) {
        return new FormRecord(batch, envelope, envelopeSha256, page, applicationId, DecisionRule.outcome(rs), rs,
                fields, photo, idSource, registration);
    }
}
