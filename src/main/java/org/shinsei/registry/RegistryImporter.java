package org.shinsei.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the registry of issued forms from the CSV of SPEC §2 into {@code registry_form}. Idempotent: a row
 * already present with the same data is left alone (its {@code imported_at} too), a changed row is updated, a
 * new one inserted. Valid rows are imported even when others are bad; every bad row is reported with its line
 * number, none is skipped silently. One transaction per file: a fault (I/O, database) imports nothing.
 */
@Component
public class RegistryImporter {

    private static final Logger log = LoggerFactory.getLogger(RegistryImporter.class);
    private static final int CHUNK = 500;

    // Standard SQL MERGE (H2 2, PostgreSQL 15+, Oracle, SQL Server), so that concurrent imports cannot race
    // between the look-up and the write.
    private static final String MERGE = """
            MERGE INTO registry_form t
            USING (VALUES (CAST(? AS CHAR(23)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(500)), CAST(? AS DATE),
                           CAST(? AS CHAR(1)), CAST(? AS DATE), CAST(? AS VARCHAR(16)), CAST(? AS TIMESTAMP)))
                  AS s(application_id, name, address, birth_date, sex, residence_until, status, imported_at)
            ON t.application_id = s.application_id
            WHEN MATCHED THEN UPDATE SET name = s.name, address = s.address, birth_date = s.birth_date,
                 sex = s.sex, residence_until = s.residence_until, status = s.status, imported_at = s.imported_at
            WHEN NOT MATCHED THEN INSERT (application_id, name, address, birth_date, sex, residence_until, status,
                 imported_at)
                 VALUES (s.application_id, s.name, s.address, s.birth_date, s.sex, s.residence_until, s.status,
                 s.imported_at)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    public RegistryImporter(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * @throws RegistryFormatException when the file as a whole is unusable (no header, wrong columns, not UTF-8)
     * @throws UncheckedIOException    when the file cannot be read
     */
    public ImportReport importCsv(Path csv) {
        try (CsvLineReader reader = new CsvLineReader(csv)) {
            CsvLineReader.Line header = reader.next();
            if (header == null || header.error() != null || header.blank()) {
                throw new RegistryFormatException("registry CSV " + csv.getFileName() + " has no header row");
            }
            RegistryRowParser parser = new RegistryRowParser(header.fields());
            ImportReport report = tx.execute(status -> new Run(parser).all(reader));
            log.info("registry import {}: {}", csv.getFileName(), report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registry CSV " + csv, e);
        }
    }

    /** One import's state: counters, errors, the current chunk, and the lines where each ID was first seen. */
    private final class Run {

        private final RegistryRowParser parser;
        private final Timestamp now = Timestamp.from(Instant.now());
        private final Map<String, Long> firstLine = new HashMap<>();
        private final Map<String, RegistryForm> chunk = new LinkedHashMap<>();
        private final List<RowError> errors = new ArrayList<>();
        private final List<Long> pendingBlank = new ArrayList<>();
        private int inserted;
        private int updated;
        private int unchanged;

        Run(RegistryRowParser parser) {
            this.parser = parser;
        }

        ImportReport all(CsvLineReader reader) {
            CsvLineReader.Line line;
            while ((line = reader.next()) != null) {
                accept(line);
            }
            flush();
            // Blank lines at the very end of the file are layout, not rows.
            return new ImportReport(inserted, updated, unchanged, errors);
        }

        private void accept(CsvLineReader.Line line) {
            if (line.blank()) {
                pendingBlank.add(line.number());
                return;
            }
            pendingBlank.forEach(n -> errors.add(new RowError(n, "blank line")));
            pendingBlank.clear();
            if (line.error() != null) {
                errors.add(new RowError(line.number(), line.error()));
                return;
            }
            RegistryRowParser.Result r = parser.parse(line.number(), line.fields());
            if (r.form() == null) {
                errors.addAll(r.errors());
                return;
            }
            Long first = firstLine.putIfAbsent(r.form().applicationId(), line.number());
            if (first != null) {
                errors.add(new RowError(line.number(), "application_id: duplicate of line " + first));
                return;
            }
            chunk.put(r.form().applicationId(), r.form());
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, RegistryForm> existing = new HashMap<>();
            jdbc.sql("SELECT application_id, name, address, birth_date, sex, residence_until, status "
                            + "FROM registry_form WHERE application_id IN (:ids)")
                    .param("ids", List.copyOf(chunk.keySet()))
                    .query(RegistryRows::map)
                    .list()
                    .forEach(f -> existing.put(f.applicationId(), f));
            List<Object[]> writes = new ArrayList<>();
            for (RegistryForm f : chunk.values()) {
                RegistryForm old = existing.get(f.applicationId());
                if (f.equals(old)) {
                    unchanged++;
                    continue;
                }
                if (old == null) {
                    inserted++;
                } else {
                    updated++;
                }
                writes.add(new Object[] {f.applicationId(), f.name(), f.address(), Date.valueOf(f.birthDate()),
                        f.sex(), f.residenceUntil() == null ? null : Date.valueOf(f.residenceUntil()),
                        f.status().name(), now});
            }
            if (!writes.isEmpty()) {
                template.batchUpdate(MERGE, writes);
            }
            chunk.clear();
        }
    }
}
