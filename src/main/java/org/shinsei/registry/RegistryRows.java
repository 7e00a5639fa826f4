package org.shinsei.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps a {@code registry_form} row. */
final class RegistryRows {

    private RegistryRows() {
    }

    static RegistryForm map(ResultSet rs, int rowNum) throws SQLException {
        Date until = rs.getDate("residence_until");
        return new RegistryForm(rs.getString("application_id"), rs.getString("name"), rs.getString("address"),
                rs.getDate("birth_date").toLocalDate(), rs.getString("sex"),
                until == null ? null : until.toLocalDate(), RegistryStatus.valueOf(rs.getString("status")));
    }
}
