package org.shinsei.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a read 申請書ID against the registry of issued forms: {@code ID_UNKNOWN} when it was never issued,
 * {@code FORM_DATA_CHANGED} when the printed data is no longer true. (Duplicates across the batch are decided
 * elsewhere, in envelope order.)
 */
@Component
public class RegistryCheck {

    private final JdbcClient jdbc;

    public RegistryCheck(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The registry's reasons against this ID: empty when the form was issued and its data is still true. */
    public List<Reason> check(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId: check only an ID that was read");
        Optional<RegistryStatus> status = status(applicationId);
        if (status.isEmpty()) {
            return List.of(Reason.of(ReasonCode.ID_UNKNOWN));
        }
        if (status.get() == RegistryStatus.DATA_CHANGED) {
            return List.of(Reason.of(ReasonCode.FORM_DATA_CHANGED));
        }
        return List.of();
    }

    public Optional<RegistryStatus> status(String applicationId) {
        return jdbc.sql("SELECT status FROM registry_form WHERE application_id = ?")
                .param(applicationId)
                .query((rs, n) -> RegistryStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /**
     * How many forms the registry holds. A run against an empty registry would reject every form as
     * {@code ID_UNKNOWN}: the caller should refuse to start instead.
     */
    public long size() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_form").query(Long.class).single();
    }
}
