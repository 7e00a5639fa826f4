package org.shinsei.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;

/**
 * What the registry said about one 申請書ID when a decision was made: whether it was issued, its status, and the
 * SHA-256 of its row (every column but the import time), so that an auditor can replay the decision on another
 * installation, or after the registry changed, and see which rows differ today without seeing their personal data.
 *
 * @param issued    whether the registry holds the ID
 * @param status    the row's status, null when not issued
 * @param rowSha256 the row's hash, null when not issued
 */
public record RegistryFact(boolean issued, RegistryStatus status, String rowSha256) {

    public static final RegistryFact NOT_ISSUED = new RegistryFact(false, null, null);

    /** The registry's reasons against the form: empty when it was issued and its data is still true. */
    public List<Reason> reasons() {
        if (!issued) {
            return List.of(Reason.of(ReasonCode.ID_UNKNOWN));
        }
        if (status == RegistryStatus.DATA_CHANGED) {
            return List.of(Reason.of(ReasonCode.FORM_DATA_CHANGED));
        }
        return List.of();
    }

    /** As the audit log's evidence carries it ({@code evidence.registry}). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issued", issued);
        m.put("status", status == null ? null : status.name());
        m.put("rowSha256", rowSha256);
        return m;
    }

    /** Short, for a list an auditor reads: "ISSUED", "DATA_CHANGED" or "not issued". */
    public String describe() {
        return issued ? status.name() : "not issued";
    }
}
