package org.shinsei.decision;

/** What happens to an application: card production, back to a person, or back to the applicant. */
public enum Outcome {
    ACCEPTED, REVIEW, REJECTED;

    /** The queue name suffix used on the output queue ({@code shinsei.accepted} …). */
    public String queueSuffix() {
        return name().equals("REJECTED") ? "rejected" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
