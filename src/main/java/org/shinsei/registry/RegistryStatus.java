package org.shinsei.registry;

/** Whether the data printed on a form is still true (SPEC §2). */
public enum RegistryStatus {
    /** printed data still true: the form can be used */
    ISSUED,
    /** the resident's data changed since printing: the form can no longer be used */
    DATA_CHANGED
}
