package org.shinsei.batch;

import java.util.List;

import org.shinsei.output.FormRecord;
import org.shinsei.scan.Envelope;

/** What the analyze step made of one envelope: at least one record, and how long it took. */
public record EnvelopeResult(Envelope envelope, List<FormRecord> records, long millis) {
}
