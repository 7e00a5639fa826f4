package org.shinsei.registry;

/**
 * A CSV row that was not imported. The message names the column and the rule, never the value (the registry
 * holds personal data).
 *
 * @param line    1-based line number in the CSV file (the header is line 1)
 * @param message what is wrong, e.g. {@code "birth_date: not an ISO date (yyyy-mm-dd)"}
 */
public record RowError(long line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
