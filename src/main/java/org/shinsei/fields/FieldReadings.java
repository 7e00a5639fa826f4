package org.shinsei.fields;

import java.util.List;

import org.shinsei.decision.Reason;

/**
 * The hand-written part of a form (SPEC §3 {@code fields}).
 *
 * @param phone           digits only, 10 or 11, or value null
 * @param applicationDate ISO date (令和 converted), or value null
 * @param signaturePresent ink in the 申請者氏名 box
 * @param noSigningCertificate checkbox 署名用電子証明書の発行を希望しない (null when ambiguous)
 * @param noUserCertificate    checkbox 利用者証明用電子証明書の発行を希望しない (null when ambiguous)
 * @param braille              checkbox 点字表記を希望する (null when ambiguous)
 * @param reasons          PHONE_*, DATE_*, SIGNATURE_MISSING, CHECKBOX_AMBIGUOUS
 */
public record FieldReadings(FieldValue phone, FieldValue applicationDate, boolean signaturePresent,
                            Boolean noSigningCertificate, Boolean noUserCertificate, Boolean braille,
                            List<Reason> reasons) {
}
