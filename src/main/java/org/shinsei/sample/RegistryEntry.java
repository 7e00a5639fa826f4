package org.shinsei.sample;

import java.time.LocalDate;

/** One row of the registry of issued forms (SPEC §2), as the sample batch's {@code registry.csv} holds it. */
public record RegistryEntry(String applicationId, String name, String address, LocalDate birthDate, char sex,
                            LocalDate residenceUntil, Status status) {

    public static final String CSV_HEADER = "application_id,name,address,birth_date,sex,residence_until,status";

    public enum Status { ISSUED, DATA_CHANGED }

    /** The registry row for what a form had printed on it. */
    public static RegistryEntry of(FormContent form, Status status) {
        return new RegistryEntry(form.applicationId(), form.name(), form.address(), form.birthDate(), form.sex(),
                form.residenceUntil(), status);
    }

    public String csvRow() {
        if (name.contains(",") || address.contains(",")) {
            throw new IllegalStateException("sample data must not need CSV quoting");
        }
        return String.join(",", applicationId, name, address, birthDate.toString(), String.valueOf(sex),
                residenceUntil == null ? "" : residenceUntil.toString(), status.name());
    }
}
