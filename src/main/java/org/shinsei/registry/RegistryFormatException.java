package org.shinsei.registry;

/**
 * The registry file as a whole cannot be imported (unreadable, not UTF-8, header missing or wrong): nothing was
 * imported. Row-level problems are not exceptions but {@link RowError}s in the {@link ImportReport}.
 */
public class RegistryFormatException extends RuntimeException {

    public RegistryFormatException(String message) {
        super(message);
    }

    public RegistryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
