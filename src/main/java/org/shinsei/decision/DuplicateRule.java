package org.shinsei.decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.shinsei.output.FormRecord;

/**
 * DUPLICATE_APPLICATION (SPEC §3): an earlier form carries the ID and was accepted or still awaits a person (REVIEW),
 * in an earlier batch or earlier in this one in envelope file-name order then page order — whatever order the workers
 * ran in. An earlier form that was rejected does not count: the applicant may send the form again. Decided once all
 * envelopes are analysed, from the stored records, so it is the same on a rerun or a restart.
 */
public final class DuplicateRule {

    private DuplicateRule() {
    }

    /**
     * @param inOrder          the batch's records in envelope-name, page order
     * @param originalsElsewhere IDs of forms in other batches that were accepted or await a person
     * @return the records whose reasons change, with the new reasons and outcome
     */
    public static List<FormRecord> apply(List<FormRecord> inOrder, Set<String> originalsElsewhere) {
        Set<String> originals = new HashSet<>(originalsElsewhere);
        List<FormRecord> changed = new ArrayList<>();
        for (FormRecord stored : inOrder) {
            FormRecord base = stored.without(ReasonCode.DUPLICATE_APPLICATION);
            FormRecord decided = base;
            String id = base.applicationId();
            if (id != null && originals.contains(id)) {
                decided = base.with(Reason.of(ReasonCode.DUPLICATE_APPLICATION));
            } else if (id != null && countsAsOriginal(base.outcome())) {
                originals.add(id);
            }
            if (!decided.equals(stored)) {
                changed.add(decided);
            }
        }
        return changed;
    }

    /** Accepted, or awaiting a person who may yet accept it; a rejected form is no original. */
    public static boolean countsAsOriginal(Outcome outcome) {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.REVIEW;
    }
}
