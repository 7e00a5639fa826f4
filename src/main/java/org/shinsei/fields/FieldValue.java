package org.shinsei.fields;

/** A hand-written field: its value (null when not read with confidence) and the pipeline's confidence 0..1. */
public record FieldValue(String value, double confidence) {
}
