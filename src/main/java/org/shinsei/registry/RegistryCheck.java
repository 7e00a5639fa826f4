package org.shinsei.registry;

import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.shinsei.decision.Reason;
import org.shinsei.support.Hashing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a read 申請書ID against the registry of issued forms: {@code ID_UNKNOWN} when it was never issued,
 * {@code FORM_DATA_CHANGED} when the printed data is no longer true. (Duplicates across the batch are decided
 * elsewhere, in envelope order.)
 */
@Component
public class RegistryCheck implements RegistryLookup {

    private final JdbcClient jdbc;

    public RegistryCheck(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The registry's reasons against this ID: empty when the form was issued and its data is still true. */
    public List<Reason> check(String applicationId) {
        return lookup(applicationId).reasons();
    }

    /** The ID's row as it is now: status and row hash, or {@link RegistryFact#NOT_ISSUED}. */
    @Override
    public RegistryFact lookup(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId: look up only an ID that was read");
        return jdbc.sql("SELECT application_id, name, address, birth_date, sex, residence_until, status "
                        + "FROM registry_form WHERE application_id = ?")
                .param(applicationId)
                .query((rs, n) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 7; i++) {
                        String v = rs.getString(i);
                        row.append(i == 1 ? "" : "\u001f").append(v == null ? "" : v.strip());
                    }
                    return new RegistryFact(true, RegistryStatus.valueOf(rs.getString(7)), Hashing.sha256(row.toString()));
                })
                .optional().orElse(RegistryFact.NOT_ISSUED);
    }

    /**
     * How many forms the registry holds. A run against an empty registry would reject every form as
     * {@code ID_UNKNOWN}: the caller should refuse to start instead.
     */
    public long size() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_form").query(Long.class).single();
    }
}
