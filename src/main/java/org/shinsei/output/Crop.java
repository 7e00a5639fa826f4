package org.shinsei.output;

/**
 * A small JPEG cut from a form page for reviewers.
 *
 * @param kind     {@code photo} (the upright print, edge to edge), {@code photo-area} (where the print should be,
 *                 when none was found), {@code phone}, {@code date}, {@code signature}, {@code checkboxes}, {@code id}
 * @param pxPerMm  its resolution: millimetres on the print (photo) or on the form times this give pixels
 */
public record Crop(String kind, double pxPerMm, int widthPx, int heightPx, byte[] jpeg) {

    public double widthMm() {
        return widthPx / pxPerMm;
    }

    public double heightMm() {
        return heightPx / pxPerMm;
    }

    /** The Japanese caption of this kind of crop in the report. */
    public String label() {
        return switch (kind) {
            case "photo" -> "写真";
            case "photo-area" -> "写真欄";
            case "phone" -> "電話番号";
            case "date" -> "申請日";
            case "signature" -> "申請者氏名";
            case "checkboxes" -> "チェック欄";
            case "id" -> "申請書ID";
            default -> kind;
        };
    }

    public String dataUri() {
        return "data:image/jpeg;base64," + java.util.Base64.getEncoder().encodeToString(jpeg);
    }
}
