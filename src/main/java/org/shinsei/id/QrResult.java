package org.shinsei.id;

/**
 * What the QR code gave.
 *
 * @param payload  the 23-digit ID, or null when no attempt decoded one
 * @param via      the name of the attempt that decoded it ("fast", "try-harder", ...), or null
 * @param rejected why a decoded payload was refused (e.g. "payload is not 23 digits"), or null
 * @param attempts how many decodings were tried
 * @param millis   wall time spent on the QR
 */
public record QrResult(String payload, String via, String rejected, int attempts, double millis) {

    public boolean read() {
        return payload != null;
    }

    public boolean fastPath() {
        return "fast".equals(via);
    }
}
