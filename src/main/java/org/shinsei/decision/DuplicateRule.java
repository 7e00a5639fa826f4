package org.shinsei.decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.shinsei.output.FormRecord;

/**
 * DUPLICATE_APPLICATION (SPEC §3): an ID already accepted in an earlier batch, or by an earlier form of this batch
 * in envelope file-name order then page order — whatever order the workers ran in. Decided once all envelopes
 * are analysed, from the stored records, so it is the same on a rerun or a restart.
 */
public final class DuplicateRule {

    private DuplicateRule() {
    }

    /**
     * @param inOrder          the batch's records in envelope-name, page order
     * @param acceptedElsewhere IDs accepted in other batches
     * @return the records whose reasons change, with the new reasons and outcome
     */
    public static List<FormRecord> apply(List<FormRecord> inOrder, Set<String> acceptedElsewhere) {
        Set<String> accepted = new HashSet<>(acceptedElsewhere);
        List<FormRecord> changed = new ArrayList<>();
        for (FormRecord stored : inOrder) {
            FormRecord base = stored.without(ReasonCode.DUPLICATE_APPLICATION);
            FormRecord decided = base;
            String id = base.applicationId();
            if (id != null && accepted.contains(id)) {
                decided = base.with(Reason.of(ReasonCode.DUPLICATE_APPLICATION));
            } else if (id != null && base.outcome() == Outcome.ACCEPTED) {
                accepted.add(id);
            }
            if (!decided.equals(stored)) {
                changed.add(decided);
            }
        }
        return changed;
    }
}
