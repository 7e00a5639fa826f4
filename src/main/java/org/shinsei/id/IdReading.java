package org.shinsei.id;

import java.util.List;

import org.shinsei.decision.Reason;

/**
 * The application ID read from one registered form page.
 *
 * @param applicationId the 23-digit ID, or null when unreadable or when a confident print disagrees with the QR
 *                      (a disagreement with an unconfident print keeps the error-corrected QR's ID, and still
 *                      carries ID_MISMATCH so that a person looks)
 * @param source        which source(s) gave the ID
 * @param qr            the QR payload if it decoded to exactly 23 digits, else null
 * @param printed       the 23 printed digits if read, else null
 * @param printedConfidence 0..1, the weakest of the 23 digits' confidences (0 when not read)
 * @param reasons       ID_UNREADABLE or ID_MISMATCH, else empty
 * @param printedCheck  how the printed digits were established: {@link PrintedCheck#MATCHED_QR} when they were
 *                      compared with the QR's ID digit by digit and matched (then {@code printedConfidence} is the
 *                      weakest cell's correlation with its digit), {@link PrintedCheck#OCR} when Tesseract read them
 */
public record IdReading(String applicationId, IdSource source, String qr, String printed,
                        double printedConfidence, List<Reason> reasons, PrintedCheck printedCheck) {

    /** Printed digits read by OCR. */
    public IdReading(String applicationId, IdSource source, String qr, String printed,
                     double printedConfidence, List<Reason> reasons) {
        this(applicationId, source, qr, printed, printedConfidence, reasons, PrintedCheck.OCR);
    }
}
