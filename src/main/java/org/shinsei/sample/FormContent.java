package org.shinsei.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything printed on and written into one 交付申請書: the ground truth of a generated form.
 * Copy with the {@code withX} methods; {@link #typical(String)} is a complete form that should be ACCEPTED.
 *
 * @param applicationId  the 23 printed digits
 * @param qrPayload      what the QR code holds; null = the same as {@code applicationId}
 * @param name           pre-printed 氏名
 * @param address        pre-printed 住所, e.g. "〒1000001 東京都千代田区千代田1-1-1"
 * @param birthDate      pre-printed 生年月日 (printed in the Japanese era, e.g. 平成5年3月31日)
 * @param sex            'M' (printed 男) or 'F' (女)
 * @param residenceUntil pre-printed 在留期限; null = Japanese national (printed なし)
 * @param phone          the digits written in the phone boxes from the left; "" = nothing written
 * @param date           the application date as written per box
 * @param signature      the text written in the 申請者氏名 box; null = empty; {@link #SCRIBBLE} = an illegible scrawl;
 *                       {@link #STRAY_MARKS} = no signature, only stray marks
 * @param noSigningCertificate 署名用電子証明書の発行を希望しない
 * @param noUserCertificate    利用者証明用電子証明書の発行を希望しない
 * @param braille              点字表記を希望する
 * @param photo          the pasted print; null = no photo
 * @param ink            ballpoint colour of everything hand-written
 * @param handwriting    how digits are written
 * @param seed           varies the hand-drawn marks and the signature
 */
public record FormContent(
        String applicationId,
        String qrPayload,
        String name,
        String address,
        LocalDate birthDate,
        char sex,
        LocalDate residenceUntil,
        String phone,
        WrittenDate date,
        String signature,
        Mark noSigningCertificate,
        Mark noUserCertificate,
        Mark braille,
        PhotoPrint photo,
        InkColour ink,
        Handwriting handwriting,
        long seed) {

    /** A signature that is an illegible scrawl rather than written characters. */
    public static final String SCRIBBLE = "\u0000scribble";
    /** No signature, only stray marks in the 申請者氏名 box: a dot and a short pen slip (SIGNATURE_MISSING). */
    public static final String STRAY_MARKS = "\u0000stray";

    public FormContent {
        Objects.requireNonNull(applicationId, "applicationId");
        if (!applicationId.matches("\\d{23}")) {
            throw new IllegalArgumentException("an application ID is 23 digits, got " + applicationId.length() + " characters");
        }
        if (sex != 'M' && sex != 'F') {
            throw new IllegalArgumentException("sex is M or F, got " + sex);
        }
        Objects.requireNonNull(phone, "phone (use \"\" for blank)");
        if (!phone.matches("\\d{0,11}")) {
            throw new IllegalArgumentException("phone is up to 11 digits");
        }
        Objects.requireNonNull(date, "date (use WrittenDate.blank())");
        Objects.requireNonNull(noSigningCertificate);
        Objects.requireNonNull(noUserCertificate);
        Objects.requireNonNull(braille);
        Objects.requireNonNull(ink);
        Objects.requireNonNull(handwriting);
    }

    /**
     * A complete, compliant form for {@code applicationId}: fictional resident 見本 太郎, mobile phone written,
     * dated 令和8年11月20日, signed, no box ticked, a correct photo print, black ink, Klee One digits.
     */
    public static FormContent typical(String applicationId) {
        long seed = applicationId.hashCode();
        return new FormContent(applicationId, null, "見本 太郎", "〒1000001 東京都千代田区見本町1-2-3",
                LocalDate.of(1990, 4, 1), 'M', null, "09012345678", WrittenDate.of(8, 11, 20), "見本 太郎",
                Mark.EMPTY, Mark.EMPTY, Mark.EMPTY, PhotoPrints.compliant(), InkColour.BLACK,
                new FontHandwriting(seed), seed);
    }

    /** The QR payload actually printed. */
    public String effectiveQrPayload() {
        return qrPayload == null ? applicationId : qrPayload;
    }

    public FormContent withApplicationId(String v) {
        return new FormContent(v, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date, signature,
                noSigningCertificate, noUserCertificate, braille, photo, ink, handwriting, seed);
    }

    public FormContent withQrPayload(String v) {
        return new FormContent(applicationId, v, name, address, birthDate, sex, residenceUntil, phone, date, signature,
                noSigningCertificate, noUserCertificate, braille, photo, ink, handwriting, seed);
    }

    public FormContent withResident(String name, String address, LocalDate birthDate, char sex, LocalDate residenceUntil) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date,
                signature, noSigningCertificate, noUserCertificate, braille, photo, ink, handwriting, seed);
    }

    public FormContent withPhone(String v) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, v, date, signature,
                noSigningCertificate, noUserCertificate, braille, photo, ink, handwriting, seed);
    }

    public FormContent withDate(WrittenDate v) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, v, signature,
                noSigningCertificate, noUserCertificate, braille, photo, ink, handwriting, seed);
    }

    public FormContent withSignature(String v) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date, v,
                noSigningCertificate, noUserCertificate, braille, photo, ink, handwriting, seed);
    }

    public FormContent withCheckboxes(Mark noSigning, Mark noUser, Mark braillePrint) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date,
                signature, noSigning, noUser, braillePrint, photo, ink, handwriting, seed);
    }

    public FormContent withPhoto(PhotoPrint v) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date,
                signature, noSigningCertificate, noUserCertificate, braille, v, ink, handwriting, seed);
    }

    public FormContent withInk(InkColour v) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date,
                signature, noSigningCertificate, noUserCertificate, braille, photo, v, handwriting, seed);
    }

    public FormContent withHandwriting(Handwriting v) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date,
                signature, noSigningCertificate, noUserCertificate, braille, photo, ink, v, seed);
    }

    public FormContent withSeed(long v) {
        return new FormContent(applicationId, qrPayload, name, address, birthDate, sex, residenceUntil, phone, date,
                signature, noSigningCertificate, noUserCertificate, braille, photo, ink, handwriting, v);
    }
}
