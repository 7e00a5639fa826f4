package org.shinsei.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;

class RegistryCheckTest {

    @TempDir
    Path dir;

    @Test
    void unknownChangedAndIssuedForms() throws Exception {
        DataSource ds = RegistryDatabase.fresh();
        RegistryCheck check = new RegistryCheck(ds);
        assertThat(check.size()).isZero();

        Path csv = dir.resolve("registry.csv");
        Files.writeString(csv, RegistryImporterTest.HEADER + RegistryImporterTest.HANAKO + RegistryImporterTest.TARO);
        new RegistryImporter(ds).importCsv(csv);

        assertThat(check.size()).isEqualTo(2);
        assertThat(check.check("12345678901234567890123")).isEmpty();
        assertThat(check.check("00000000000000000000001")).extracting(Reason::code, Reason::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.FORM_DATA_CHANGED, Severity.REJECT));
        assertThat(check.check("12345678901234567890124")).extracting(Reason::code, Reason::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.ID_UNKNOWN, Severity.REJECT));
        assertThatThrownBy(() -> check.check(null)).isInstanceOf(NullPointerException.class);
    }
}
