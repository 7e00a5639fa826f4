package org.shinsei.decision;

import java.util.Collection;

/** SPEC §3: REJECTED if any reason rejects, else REVIEW if any asks for review, else ACCEPTED; NOTE never counts. */
public final class DecisionRule {

    private DecisionRule() {
    }

    public static Outcome outcome(Collection<Reason> reasons) {
        boolean review = false;
        for (Reason r : reasons) {
            if (r.severity() == Severity.REJECT) {
                return Outcome.REJECTED;
            }
            review |= r.severity() == Severity.REVIEW;
        }
        return review ? Outcome.REVIEW : Outcome.ACCEPTED;
    }
}
