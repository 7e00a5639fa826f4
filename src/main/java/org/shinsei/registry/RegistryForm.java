package org.shinsei.registry;

import java.time.LocalDate;

/**
 * One issued form as the registry records it. Holds personal data: never log it (use
 * {@link org.shinsei.support.Masking#lastFour} for the ID).
 *
 * @param applicationId  the 23-digit 申請書ID
 * @param name           the name printed on the form
 * @param address        the address printed on the form
 * @param birthDate      date of birth
 * @param sex            {@code M} or {@code F}
 * @param residenceUntil end of the residence period, or null for Japanese nationals
 * @param status         whether the printed data is still true
 */
public record RegistryForm(String applicationId, String name, String address, LocalDate birthDate, String sex,
                           LocalDate residenceUntil, RegistryStatus status) {

    @Override
    public String toString() {
        return "RegistryForm[" + org.shinsei.support.Masking.lastFour(applicationId) + ", " + status + "]";
    }
}
