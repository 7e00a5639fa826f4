package org.shinsei.decision;

/** How much a reason weighs. Ordered: the worst severity of a record decides its outcome (SPEC §3). */
public enum Severity {
    NOTE, REVIEW, REJECT
}
