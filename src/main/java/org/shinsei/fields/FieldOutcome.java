package org.shinsei.fields;

import org.shinsei.decision.Reason;

/** A field as the stage reports it, and the reason that goes with it (null when there is nothing to say). */
record FieldOutcome(FieldValue value, Reason reason) {
}
