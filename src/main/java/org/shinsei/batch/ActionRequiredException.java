package org.shinsei.batch;

/**
 * A batch that cannot go on until the operator does something: the message says what went wrong and {@link #action()}
 * what to do. Running the same command again does not help until then, so the command's last line says the action.
 */
public class ActionRequiredException extends IllegalStateException {

    private final String action;

    public ActionRequiredException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What the operator must do before running the command again. */
    public String action() {
        return action;
    }

    /** The first {@code ActionRequiredException} in {@code e}'s cause chain, or null. */
    public static ActionRequiredException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ActionRequiredException a) {
                return a;
            }
        }
        return null;
    }
}
