package org.shinsei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.RecordAssembler;
import org.shinsei.output.Crop;
import org.shinsei.output.FormRecord;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Restart safety of the evidence tables (migration V4): a chunk written again after a crash or a resume replaces its
 * evidence and crops, never doubles them — which is what keeps audit.jsonl and the report free of doubled entries.
 */
class EvidenceStoreTest {

    private static final AuditEnvironment.Snapshot ENV = new AuditEnvironment.Snapshot(Map.of("shinsei", "test"),
            Map.of("model", "abc"), Map.of("eng.traineddata", "def"), "cfg", "{}");

    @Test
    void writingTheSameRecordAgainReplacesItsEvidenceAndCrops() {
        // given
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:evidence-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        EnvelopeStore envelopes = new EnvelopeStore(jdbc);
        envelopes.registerBatch("b1", Path.of("/scans"), LocalDate.of(2026, 11, 28));
        envelopes.register("b1", "env-1.pdf", "00".repeat(32), 10L);
        EvidenceStore store = new EvidenceStore(jdbc, new AuditEnvironment(null, null, null) {
            @Override
            public Snapshot current() {
                return ENV;
            }
        }, new DataSourceTransactionManager(ds));
        FormRecord formless = RecordAssembler.envelopeRecord(new Envelope("b1", "env-1.pdf", Path.of("/scans/env-1.pdf"),
                "00".repeat(32)), Reason.of(ReasonCode.FORM_NOT_FOUND));
        FormRecord record = new FormRecord("b1", "env-1.pdf", "00".repeat(32), 1, null, formless.outcome(),
                formless.reasons(), null, null, null, null);
        Crop photo = new Crop("photo", 8, 280, 360, new byte[] {1, 2, 3});
        Crop date = new Crop("date", 8, 100, 40, new byte[] {4, 5});

        // when: the chunk is written, then written again (restart), then with fewer crops (a re-analysis)
        store.save(record, new RecordEvidence(1, Map.of("photo", Map.of("x", 1.5)), List.of(photo, date)));
        store.save(record, new RecordEvidence(1, Map.of("photo", Map.of("x", 1.5)), List.of(photo, date)));
        store.save(formless, null);
        store.save(record, new RecordEvidence(1, Map.of("photo", Map.of("x", 2.5)), List.of(photo)));

        // then
        assertThat(store.evidence("b1")).containsOnlyKeys("env-1.pdf#0", "env-1.pdf#1");
        assertThat(store.evidence("b1").get("env-1.pdf#1").evidenceJson()).isEqualTo("{\"photo\":{\"x\":2.5}}");
        assertThat(store.crops("b1").get("env-1.pdf#1")).extracting(Crop::kind).containsExactly("photo");
        assertThat(store.environments("b1")).containsOnlyKeys(ENV.sha256());
    }
}
