package org.shinsei.id;

/**
 * An {@link IdReading} with how it was reached, for evaluation and monitoring.
 *
 * @param reading the stage's result
 * @param qr      what the QR code gave
 * @param printed what the printed digits gave
 * @param millis  wall time of the whole page
 */
public record IdRead(IdReading reading, QrResult qr, PrintedReading printed, long millis) {
}
