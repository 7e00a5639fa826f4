package org.shinsei.decision;

/**
 * The reason codes of SPEC §3, each with its default severity and the Japanese message that tells the
 * applicant or the reviewer what to do. A measurement close to a limit may carry {@link Severity#REVIEW}
 * instead of the default {@link Severity#REJECT} (see {@link Reason#nearLimit}).
 */
public enum ReasonCode {
    INPUT_UNREADABLE(Severity.REVIEW, "ファイルを開けない、または画像として読めません。再スキャンしてください。"),
    FORM_NOT_FOUND(Severity.REVIEW, "交付申請書が見つかりません。封筒の中身を確認してください。"),
    EXTRA_ENCLOSURE(Severity.NOTE, "申請書以外の書類が同封されています（通知カード等）。返送の要否を確認してください。"),
    ID_UNREADABLE(Severity.REVIEW, "申請書IDをQRコードからも印字からも読み取れません。目視で確認してください。"),
    ID_MISMATCH(Severity.REVIEW, "QRコードと印字の申請書IDが一致しません。目視で確認してください。"),
    ID_UNKNOWN(Severity.REJECT, "この申請書IDは発行済み申請書の台帳にありません。"),
    FORM_DATA_CHANGED(Severity.REJECT, "申請書の印字内容（氏名・住所等）が発行後に変更されています。新しい交付申請書を請求してください。"),
    DUPLICATE_APPLICATION(Severity.REVIEW, "この申請書IDはすでに受け付けられています。重複申請か確認してください。"),
    SIGNATURE_MISSING(Severity.REJECT, "申請者氏名欄に記入がありません。署名または氏名を記入してください。"),
    PHONE_MISSING(Severity.NOTE, "電話番号の記入がありません。"),
    PHONE_UNREADABLE(Severity.REVIEW, "電話番号を確実に読み取れません。目視で確認してください。"),
    DATE_MISSING(Severity.REVIEW, "申請日の記入がありません。"),
    DATE_UNREADABLE(Severity.REVIEW, "申請日を確実に読み取れません。目視で確認してください。"),
    DATE_INVALID(Severity.REVIEW, "申請日が実在しない日付か、処理日より後の日付です。目視で確認してください。"),
    CHECKBOX_AMBIGUOUS(Severity.REVIEW, "チェック欄の記入が判別できません。目視で確認してください。"),
    PHOTO_MISSING(Severity.REJECT, "写真が貼られていません。縦4.5cm×横3.5cmの写真を貼ってください。"),
    PHOTO_SIZE(Severity.REJECT, "写真の大きさが規定（縦4.5cm×横3.5cm）と異なります。規定の大きさの写真を貼ってください。"),
    FACE_NOT_FOUND(Severity.REVIEW, "写真に顔が見つかりません。目視で確認してください。"),
    MULTIPLE_FACES(Severity.REJECT, "写真に複数の人物が写っています。申請者本人のみが写った写真を貼ってください。"),
    FACE_FRAMING(Severity.REJECT, "顔の大きさまたは位置が規定外です（頭頂からあごまで3.2〜3.6cm、中央に配置）。規定に合う写真を貼ってください。"),
    FACE_NOT_FRONTAL(Severity.REJECT, "顔が正面を向いていません。正面を向いて撮影した写真を貼ってください。"),
    BACKGROUND_NOT_PLAIN(Severity.REJECT, "背景に模様・物・影があります。無背景で撮影した写真を貼ってください。"),
    HEADWEAR(Severity.REJECT, "帽子等で頭部が隠れています。脱帽して撮影した写真を貼ってください。"),
    PHOTO_QUALITY(Severity.REJECT, "写真が不鮮明、または暗すぎる・明るすぎます。鮮明な写真を貼ってください。");

    private final Severity severity;
    private final String message;

    ReasonCode(Severity severity, String message) {
        this.severity = severity;
        this.message = message;
    }

    public Severity severity() {
        return severity;
    }

    public String message() {
        return message;
    }
}
