package org.shinsei.registry;

import java.util.List;

/**
 * The outcome of one registry import.
 *
 * @param inserted  rows new to the registry
 * @param updated   rows whose data or status changed
 * @param unchanged rows already in the registry exactly as in the file
 * @param errors    rows not imported, in line order (several errors may name the same line)
 */
public record ImportReport(int inserted, int updated, int unchanged, List<RowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    @Override
    public String toString() {
        return "inserted " + inserted + ", updated " + updated + ", unchanged " + unchanged
                + ", rows with errors " + errors.stream().mapToLong(RowError::line).distinct().count();
    }
}
