package org.shinsei.sample;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.shinsei.decision.Outcome;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;

/**
 * One line of a sample batch's {@code expected.csv}: the record the pipeline must produce for a form (or for an
 * envelope with no readable form, {@code page} null). The outcome follows from the reasons' default severities
 * exactly as SPEC §3 says; NOTE reasons do not change it.
 */
public record ExpectedRecord(String envelope, Integer page, String applicationId, List<ReasonCode> reasons) {

    public static final String CSV_HEADER = "envelope,page,outcome,application_id,reasons";

    public ExpectedRecord {
        reasons = reasons.stream().sorted(Comparator.comparing(ReasonCode::name)).distinct().toList();
    }

    public static ExpectedRecord form(String envelope, int page, String applicationId, ReasonCode... reasons) {
        return new ExpectedRecord(envelope, page, applicationId, List.of(reasons));
    }

    public static ExpectedRecord envelopeOnly(String envelope, ReasonCode reason) {
        return new ExpectedRecord(envelope, null, null, List.of(reason));
    }

    public Outcome outcome() {
        Severity worst = reasons.stream().map(ReasonCode::severity).max(Comparator.naturalOrder()).orElse(Severity.NOTE);
        return switch (worst) {
            case REJECT -> Outcome.REJECTED;
            case REVIEW -> Outcome.REVIEW;
            case NOTE -> Outcome.ACCEPTED;
        };
    }

    /** Reason codes sorted alphabetically, joined by ';'. */
    public String reasonList() {
        return reasons.stream().map(ReasonCode::name).collect(Collectors.joining(";"));
    }

    public String csvRow() {
        return String.join(",", envelope, page == null ? "" : page.toString(), outcome().name(),
                applicationId == null ? "" : applicationId, reasonList());
    }
}
