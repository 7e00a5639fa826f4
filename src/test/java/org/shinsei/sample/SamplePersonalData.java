package org.shinsei.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The personal data of the sample batch, for tests that look for it where it must not be (log lines, exception
 * messages): the registry's IDs, names (with and without the space) and addresses (whole, and the part after the
 * postcode), and the phone numbers written on the sample forms (which the registry does not hold).
 */
public final class SamplePersonalData {

    /** The sample plan's residents are numbered from 1; the batch uses fewer than this many. */
    private static final int RESIDENTS = 60;

    private SamplePersonalData() {
    }

    public static Set<String> all(Path registryCsv) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(registryCsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.add(f[0]);
            out.add(f[1]);
            out.add(f[1].replace(" ", ""));
            out.add(f[2]);
            int space = f[2].indexOf(' ');
            if (space > 0) {
                out.add(f[2].substring(space + 1));
            }
        }
        out.addAll(phones());
        out.remove("");
        return out;
    }

    /** Every phone number the sample plan writes on a form. */
    public static Set<String> phones() {
        Set<String> out = new LinkedHashSet<>();
        for (int n = 1; n <= RESIDENTS; n++) {
            String phone = SampleBatchPlan.form(n).phone();
            if (!phone.isEmpty()) {
                out.add(phone);
            }
        }
        out.add(FormContent.typical("0".repeat(23)).phone());
        return out;
    }
}
