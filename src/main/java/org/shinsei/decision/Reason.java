package org.shinsei.decision;

import java.util.Objects;

/**
 * One reason on a record: the code, the severity it carries here, the Japanese message and, optionally,
 * a short technical detail for reviewers (never personal data).
 */
public record Reason(ReasonCode code, Severity severity, String message, String detail) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Reason of(ReasonCode code) {
        return new Reason(code, code.severity(), code.message(), null);
    }

    public static Reason of(ReasonCode code, String detail) {
        return new Reason(code, code.severity(), code.message(), detail);
    }

    /** The same code with REVIEW severity: a measurement close to a limit, for a person to look at. */
    public static Reason nearLimit(ReasonCode code, String detail) {
        Severity s = code.severity() == Severity.REJECT ? Severity.REVIEW : code.severity();
        return new Reason(code, s, code.message(), detail);
    }
}
