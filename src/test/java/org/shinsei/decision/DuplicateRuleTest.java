package org.shinsei.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shinsei.output.FormRecord;

class DuplicateRuleTest {

    private static FormRecord record(String envelope, int page, String id, Reason... reasons) {
        List<Reason> rs = List.of(reasons);
        return new FormRecord("b1", envelope, "sha", page, id, DecisionRule.outcome(rs), rs, null, null, null, null);
    }

    @Test
    void laterFormWithAnAcceptedIdIsADuplicateTheFirstIsTheOriginal() {
        String id = "12345678901234567890123";
        List<FormRecord> changed = DuplicateRule.apply(List.of(record("a.pdf", 1, id), record("b.pdf", 1, id)), Set.of());
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).envelope()).isEqualTo("b.pdf");
        assertThat(changed.get(0).outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(changed.get(0).has(ReasonCode.DUPLICATE_APPLICATION)).isTrue();
    }

    @Test
    void aRejectedEarlierFormDoesNotMakeTheResubmissionADuplicate() {
        String id = "12345678901234567890123";
        List<FormRecord> changed = DuplicateRule.apply(
                List.of(record("a.pdf", 1, id, Reason.of(ReasonCode.SIGNATURE_MISSING)), record("b.pdf", 1, id)), Set.of());
        assertThat(changed).isEmpty();
    }

    @Test
    void anOriginalThatAwaitsAPersonMakesTheSecondFormADuplicate() {
        String id = "12345678901234567890123";
        FormRecord first = record("a.pdf", 1, id, Reason.of(ReasonCode.DATE_UNREADABLE));
        List<FormRecord> changed = DuplicateRule.apply(List.of(first, record("b.pdf", 1, id)), Set.of());
        assertThat(first.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(changed).singleElement().satisfies(r -> {
            assertThat(r.envelope()).isEqualTo("b.pdf");
            assertThat(r.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(r.has(ReasonCode.DUPLICATE_APPLICATION)).isTrue();
        });
    }

    @Test
    void theOrderOfTheListDecidesNotWhichFormIsCleaner() {
        String id = "12345678901234567890123";
        // the first form in file-name order awaits a person, the second is clean: the clean one is the duplicate
        List<FormRecord> changed = DuplicateRule.apply(List.of(
                record("a.pdf", 1, id, Reason.of(ReasonCode.PHONE_UNREADABLE)), record("a.pdf", 2, id),
                record("b.pdf", 1, id)), Set.of());
        assertThat(changed).extracting(r -> r.envelope() + "#" + r.page()).containsExactly("a.pdf#2", "b.pdf#1");
    }

    @Test
    void anIdAwaitingAPersonInAnEarlierBatchIsADuplicate() {
        String id = "12345678901234567890123";
        List<FormRecord> changed = DuplicateRule.apply(List.of(record("a.pdf", 1, id)), Set.of(id));
        assertThat(changed).singleElement().satisfies(r -> assertThat(r.has(ReasonCode.DUPLICATE_APPLICATION)).isTrue());
        assertThat(DuplicateRule.countsAsOriginal(Outcome.REVIEW)).isTrue();
        assertThat(DuplicateRule.countsAsOriginal(Outcome.ACCEPTED)).isTrue();
        assertThat(DuplicateRule.countsAsOriginal(Outcome.REJECTED)).isFalse();
    }

    @Test
    void aResubmissionAfterARejectionIsDecidedOnItsOwnEvenWhenItHasItsOwnProblem() {
        String id = "12345678901234567890123";
        List<FormRecord> changed = DuplicateRule.apply(List.of(
                record("a.pdf", 1, id, Reason.of(ReasonCode.HEADWEAR)),
                record("b.pdf", 1, id, Reason.of(ReasonCode.DATE_UNREADABLE)),
                record("c.pdf", 1, id)), Set.of());
        // a.pdf was rejected, so b.pdf (awaiting a person) is the original and c.pdf its duplicate
        assertThat(changed).extracting(FormRecord::envelope).containsExactly("c.pdf");
    }

    @Test
    void anIdAcceptedInAnEarlierBatchIsADuplicate() {
        String id = "12345678901234567890123";
        List<FormRecord> changed = DuplicateRule.apply(List.of(record("a.pdf", 1, id)), Set.of(id));
        assertThat(changed).singleElement().satisfies(r -> assertThat(r.has(ReasonCode.DUPLICATE_APPLICATION)).isTrue());
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTime() {
        String id = "12345678901234567890123";
        List<FormRecord> once = DuplicateRule.apply(List.of(record("a.pdf", 1, id), record("b.pdf", 1, id)), Set.of());
        List<FormRecord> stored = List.of(record("a.pdf", 1, id), once.get(0));
        assertThat(DuplicateRule.apply(stored, Set.of())).isEmpty();
    }

    @Test
    void worstSeverityWinsAndNotesNeverCount() {
        assertThat(DecisionRule.outcome(List.of(Reason.of(ReasonCode.PHONE_MISSING)))).isEqualTo(Outcome.ACCEPTED);
        assertThat(DecisionRule.outcome(List.of(Reason.of(ReasonCode.PHONE_MISSING), Reason.of(ReasonCode.DATE_MISSING))))
                .isEqualTo(Outcome.REVIEW);
        assertThat(DecisionRule.outcome(List.of(Reason.of(ReasonCode.DATE_MISSING), Reason.of(ReasonCode.HEADWEAR))))
                .isEqualTo(Outcome.REJECTED);
        assertThat(DecisionRule.outcome(List.of(Reason.nearLimit(ReasonCode.FACE_FRAMING, "near")))).isEqualTo(Outcome.REVIEW);
    }
}
