package org.shinsei.sample;

import java.util.List;
import java.util.Objects;

/**
 * The application date exactly as written in its six boxes (令和 year, month, day: two boxes each). Each string is
 * what one box holds ("" = blank); e.g. 令和8年11月5日 may be year {"0","8"}, month {"1","1"}, day {"", "5"}.
 */
public record WrittenDate(List<String> year, List<String> month, List<String> day) {

    public WrittenDate {
        year = twoBoxes(year, "year");
        month = twoBoxes(month, "month");
        day = twoBoxes(day, "day");
    }

    /** Nothing written. */
    public static WrittenDate blank() {
        return new WrittenDate(List.of("", ""), List.of("", ""), List.of("", ""));
    }

    /** 令和{@code reiwaYear}年{@code month}月{@code day}日 written with leading zeros ("08", "11", "05"). */
    public static WrittenDate of(int reiwaYear, int month, int day) {
        return new WrittenDate(padded(reiwaYear), padded(month), padded(day));
    }

    public boolean isBlank() {
        return (String.join("", year) + String.join("", month) + String.join("", day)).isEmpty();
    }

    private static List<String> padded(int value) {
        if (value < 0 || value > 99) {
            throw new IllegalArgumentException("two boxes hold 0..99, got " + value);
        }
        return List.of(String.valueOf(value / 10), String.valueOf(value % 10));
    }

    private static List<String> twoBoxes(List<String> boxes, String what) {
        Objects.requireNonNull(boxes, what);
        if (boxes.size() != 2) {
            throw new IllegalArgumentException(what + " has two boxes, got " + boxes);
        }
        for (String b : boxes) {
            if (!b.matches("\\d?")) {
                throw new IllegalArgumentException(what + " box holds one digit or nothing, got '" + b + "'");
            }
        }
        return List.copyOf(boxes);
    }
}
