package org.shinsei.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class RegistryImporterTest {

    static final String HEADER = "application_id,name,address,birth_date,sex,residence_until,status\n";
    static final String HANAKO =
            "12345678901234567890123,山田 花子,〒1000001 東京都千代田区千代田1-1-1,1993-03-31,F,,ISSUED\n";
    static final String TARO =
            "00000000000000000000001,佐藤 太郎,〒5300001 大阪府大阪市北区梅田1-1,1980-12-01,M,2030-04-30,DATA_CHANGED\n";

    @TempDir
    Path dir;

    DataSource ds;
    RegistryImporter importer;
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        ds = RegistryDatabase.fresh();
        importer = new RegistryImporter(ds);
        jdbc = JdbcClient.create(ds);
    }

    Path csv(String content) throws IOException {
        Path p = Files.createTempFile(dir, "registry", ".csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void importsTheSpecExampleWithAllColumns() throws IOException {
        ImportReport r = importer.importCsv(csv(HEADER + HANAKO + TARO));

        assertThat(r).isEqualTo(new ImportReport(2, 0, 0, java.util.List.of()));
        RegistryForm taro = jdbc.sql("SELECT * FROM registry_form WHERE application_id = '00000000000000000000001'")
                .query(RegistryRows::map).single();
        assertThat(taro).isEqualTo(new RegistryForm("00000000000000000000001", "佐藤 太郎",
                "〒5300001 大阪府大阪市北区梅田1-1", LocalDate.of(1980, 12, 1), "M", LocalDate.of(2030, 4, 30),
                RegistryStatus.DATA_CHANGED));
        RegistryForm hanako = jdbc.sql("SELECT * FROM registry_form WHERE application_id = '12345678901234567890123'")
                .query(RegistryRows::map).single();
        assertThat(hanako.residenceUntil()).isNull();
        assertThat(hanako.status()).isEqualTo(RegistryStatus.ISSUED);
    }

    @Test
    void reImportingIsIdempotentAndOnlyChangedRowsAreWritten() throws IOException, InterruptedException {
        importer.importCsv(csv(HEADER + HANAKO + TARO));
        Timestamp before = importedAt("12345678901234567890123");

        ImportReport again = importer.importCsv(csv(HEADER + HANAKO + TARO));
        assertThat(again).isEqualTo(new ImportReport(0, 0, 2, java.util.List.of()));
        assertThat(importedAt("12345678901234567890123")).isEqualTo(before);

        Thread.sleep(5);
        String hanakoChanged = HANAKO.replace("ISSUED", "DATA_CHANGED");
        String third = "99999999999999999999999,鈴木 一郎,〒0600001 北海道札幌市中央区1-1,2001-01-01,M,,ISSUED\n";
        ImportReport changed = importer.importCsv(csv(HEADER + hanakoChanged + TARO + third));
        assertThat(changed).isEqualTo(new ImportReport(1, 1, 1, java.util.List.of()));
        assertThat(importedAt("12345678901234567890123")).isAfter(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_form").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void everyBadRowIsReportedByLineAndColumnWithoutItsValue() throws IOException {
        String content = HEADER
                + HANAKO                                                                           // 2 ok
                + "1234567890123456789012,山田 一,〒1 東京,1990-01-01,M,,ISSUED\n"                 // 3 id 22 digits
                + "1234567890123456789012X,山田 二,〒1 東京,1990-01-01,M,,ISSUED\n"                // 4 id not digits
                + "22222222222222222222222,山田 三,〒1 東京,1990-02-30,M,,ISSUED\n"                // 5 not a date
                + "33333333333333333333333,山田 四,〒1 東京,1990/01/01,X,,ISSUED\n"                // 6 date + sex
                + "44444444444444444444444,山田 五,〒1 東京,1990-01-01,F,2030-13-01,ISSUED\n"      // 7 until
                + "55555555555555555555555,山田 六,〒1 東京,1990-01-01,F,,issued\n"                // 8 status
                + "66666666666666666666666,,〒1 東京,1990-01-01,F,,ISSUED\n"                       // 9 empty name
                + "77777777777777777777777,山田 七,〒1 東京,1990-01-01,F\n"                        // 10 columns
                + "12345678901234567890123,山田 花子,〒1 東京,1993-03-31,F,,ISSUED\n"              // 11 duplicate
                + "88888888888888888888888,\"山田 \"\"八\",\"〒1 東京, 1-1\",1990-01-01,F,,ISSUED\n" // 12 ok, quoted
                + "\n"                                                                             // 13 blank
                + "99999999999999999999999,\"山田 九,〒1 東京,1990-01-01,F,,ISSUED\n"              // 14 quote
                + "\n\n";                                                                          // trailing

        ImportReport r = importer.importCsv(csv(content));

        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.errors()).extracting(RowError::toString).containsExactly(
                "line 3: application_id: not exactly 23 digits",
                "line 4: application_id: not exactly 23 digits",
                "line 5: birth_date: not an ISO date (yyyy-mm-dd)",
                "line 6: birth_date: not an ISO date (yyyy-mm-dd)",
                "line 6: sex: not M or F",
                "line 7: residence_until: not an ISO date (yyyy-mm-dd)",
                "line 8: status: not ISSUED or DATA_CHANGED",
                "line 9: name: empty",
                "line 10: expected 7 columns, found 5",
                "line 11: application_id: duplicate of line 2",
                "line 13: blank line",
                "line 14: unterminated quote");
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain("山田", "東京", "1990", "2222"));
        RegistryForm quoted = jdbc.sql("SELECT * FROM registry_form WHERE application_id = '88888888888888888888888'")
                .query(RegistryRows::map).single();
        assertThat(quoted.name()).isEqualTo("山田 \"八");
        assertThat(quoted.address()).isEqualTo("〒1 東京, 1-1");
    }

    @Test
    void acceptsABomCrLfAndColumnsInAnyOrder() throws IOException {
        String content = "\uFEFFstatus,sex,application_id,name,address,birth_date,residence_until\r\n"
                + "ISSUED,F,12345678901234567890123,山田 花子,〒1 東京,1993-03-31,\r\n";
        ImportReport r = importer.importCsv(csv(content));
        assertThat(r).isEqualTo(new ImportReport(1, 0, 0, java.util.List.of()));
        assertThat(new RegistryCheck(ds).check("12345678901234567890123")).isEmpty();
    }

    @Test
    void aFileWithoutAUsableHeaderImportsNothing() throws IOException {
        assertThatThrownBy(() -> importer.importCsv(csv(HANAKO)))
                .isInstanceOf(RegistryFormatException.class).hasMessageContaining("unknown column");
        assertThatThrownBy(() -> importer.importCsv(csv("application_id,name,address,birth_date,sex,status\n")))
                .isInstanceOf(RegistryFormatException.class).hasMessageContaining("residence_until");
        assertThatThrownBy(() -> importer.importCsv(csv("")))
                .isInstanceOf(RegistryFormatException.class).hasMessageContaining("no header");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_form").query(Long.class).single()).isZero();
    }

    @Test
    void aFileThatIsNotUtf8ImportsNothing() throws IOException {
        Path p = dir.resolve("sjis.csv");
        Files.write(p, (HEADER + HANAKO).getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
        assertThatThrownBy(() -> importer.importCsv(p))
                .isInstanceOf(RegistryFormatException.class).hasMessageContaining("UTF-8");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_form").query(Long.class).single()).isZero();
    }

    @Test
    void importsMoreRowsThanOneChunk() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 1234; i++) {
            sb.append(String.format("%023d,氏名%d,住所%d,1990-01-01,M,,ISSUED%n", i, i, i));
        }
        assertThat(importer.importCsv(csv(sb.toString()))).isEqualTo(new ImportReport(1234, 0, 0, java.util.List.of()));
        assertThat(importer.importCsv(csv(sb.toString()))).isEqualTo(new ImportReport(0, 0, 1234, java.util.List.of()));
    }

    private Timestamp importedAt(String id) {
        return jdbc.sql("SELECT imported_at FROM registry_form WHERE application_id = ?").param(id)
                .query(Timestamp.class).single();
    }
}
