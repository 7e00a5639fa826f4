package org.shinsei.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates registry CSV rows against SPEC §2. Columns are found by the header's names, so their order does
 * not matter; every message names the line and the column, never the value.
 */
final class RegistryRowParser {

    static final List<String> COLUMNS =
            List.of("application_id", "name", "address", "birth_date", "sex", "residence_until", "status");

    private static final Pattern ID = Pattern.compile("[0-9]{23}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 500;

    /** A row that passed validation, or the errors found in it. */
    record Result(RegistryForm form, List<RowError> errors) {
    }

    private final Map<String, Integer> index = new HashMap<>();

    /** @throws RegistryFormatException when the header lacks a column, repeats one or has an unknown one */
    RegistryRowParser(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase();
            if (!COLUMNS.contains(name)) {
                throw new RegistryFormatException("registry CSV header: unknown column '" + name + "' (expected "
                        + String.join(",", COLUMNS) + ")");
            }
            if (index.put(name, i) != null) {
                throw new RegistryFormatException("registry CSV header: column '" + name + "' appears twice");
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new RegistryFormatException("registry CSV header: missing column(s) " + missing + " (expected "
                    + String.join(",", COLUMNS) + ")");
        }
    }

    Result parse(long line, List<String> fields) {
        if (fields.size() != COLUMNS.size()) {
            return new Result(null, List.of(new RowError(line,
                    "expected " + COLUMNS.size() + " columns, found " + fields.size())));
        }
        List<RowError> errors = new ArrayList<>();
        String id = get(fields, "application_id");
        if (!ID.matcher(id).matches()) {
            errors.add(new RowError(line, "application_id: not exactly 23 digits"));
        }
        String name = text(line, fields, "name", MAX_NAME, errors);
        String address = text(line, fields, "address", MAX_ADDRESS, errors);
        LocalDate birth = date(line, get(fields, "birth_date"), "birth_date", false, errors);
        String sex = get(fields, "sex");
        if (!sex.equals("M") && !sex.equals("F")) {
            errors.add(new RowError(line, "sex: not M or F"));
        }
        LocalDate until = date(line, get(fields, "residence_until"), "residence_until", true, errors);
        RegistryStatus status = null;
        try {
            status = RegistryStatus.valueOf(get(fields, "status"));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, "status: not ISSUED or DATA_CHANGED"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new RegistryForm(id, name, address, birth, sex, until, status), List.of());
    }

    private String get(List<String> fields, String column) {
        return fields.get(index.get(column)).trim();
    }

    private String text(long line, List<String> fields, String column, int max, List<RowError> errors) {
        String value = get(fields, column);
        if (value.isEmpty()) {
            errors.add(new RowError(line, column + ": empty"));
        } else if (value.length() > max) {
            errors.add(new RowError(line, column + ": longer than " + max + " characters"));
        }
        return value;
    }

    private static LocalDate date(long line, String value, String column, boolean optional, List<RowError> errors) {
        if (value.isEmpty()) {
            if (!optional) {
                errors.add(new RowError(line, column + ": empty"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value, ISO);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line, column + ": not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }
}
