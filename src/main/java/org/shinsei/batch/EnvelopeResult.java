package org.shinsei.batch;

import java.util.List;

import org.shinsei.audit.RecordEvidence;
import org.shinsei.output.FormRecord;
import org.shinsei.scan.Envelope;

/**
 * What the analyze step made of one envelope: at least one record, how long it took, and the evidence behind
 * each form record (measurements for the audit log, crops for the report; none for a formless envelope).
 */
public record EnvelopeResult(Envelope envelope, List<FormRecord> records, long millis, List<RecordEvidence> evidence) {

    public EnvelopeResult {
        records = List.copyOf(records);
        evidence = List.copyOf(evidence);
    }

    public EnvelopeResult(Envelope envelope, List<FormRecord> records, long millis) {
        this(envelope, records, millis, List.of());
    }

    /** The evidence of the record on {@code page}, or null. */
    public RecordEvidence evidenceOf(FormRecord record) {
        return record.page() == null ? null
                : evidence.stream().filter(e -> e.page() == record.page()).findFirst().orElse(null);
    }
}
