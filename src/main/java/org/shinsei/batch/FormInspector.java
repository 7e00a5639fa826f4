package org.shinsei.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.RecordAssembler;
import org.shinsei.fields.FieldReader;
import org.shinsei.fields.FieldReadings;
import org.shinsei.id.IdRead;
import org.shinsei.id.IdReader;
import org.shinsei.id.IdReading;
import org.shinsei.output.FormRecord;
import org.shinsei.photo.PhotoInspection;
import org.shinsei.photo.PhotoInspector;
import org.shinsei.photo.PhotoMeasurement;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.registry.RegistryFact;
import org.shinsei.registry.RegistryLookup;
import org.shinsei.scan.Envelope;
import org.shinsei.support.Masking;
import org.shinsei.support.PageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the recognition stages on one registered form page — application ID and registry, hand-written fields,
 * photo — and assembles the record. A stage that fails with an exception (a fault, not an outcome) does not
 * stop the others: the record then carries INPUT_UNREADABLE naming the stage, so a person looks at the page.
 */
@Component
public class FormInspector {

    private static final Logger log = LoggerFactory.getLogger(FormInspector.class);

    private final IdReader idReader;
    private final RegistryLookup registry;
    private final FieldReader fieldReader;
    private final PhotoInspector photoInspector;
    private final StageTimings timings;

    /** @param registry the installation's registry ({@link org.shinsei.registry.RegistryCheck}) */
    public FormInspector(IdReader idReader, RegistryLookup registry, FieldReader fieldReader,
                         PhotoInspector photoInspector, StageTimings timings) {
        this.idReader = idReader;
        this.registry = registry;
        this.fieldReader = fieldReader;
        this.photoInspector = photoInspector;
        this.timings = timings;
    }

    /** The same stages with the registry facts taken from {@code registry} (replay: the facts the audit log recorded). */
    public FormInspector withRegistry(RegistryLookup registry) {
        return new FormInspector(idReader, registry, fieldReader, photoInspector, timings);
    }

    public FormRecord inspect(Envelope envelope, RegisteredPage page, PageRef ref, LocalDate batchDate) {
        return examine(envelope, page, ref, batchDate).record();
    }

    /**
     * The record and what stands behind it (the ID reading, the registry's facts about it and every photo
     * measurement), for the audit log. {@code id}, {@code registry} and {@code photo} are null when their stage failed
     * ({@code registry} also when no ID was read).
     */
    public record Inspection(FormRecord record, IdReading id, RegistryFact registry, PhotoInspection photo) {
    }

    /** {@link #inspect}, keeping the stages' intermediate readings. */
    public Inspection examine(Envelope envelope, RegisteredPage page, PageRef ref, LocalDate batchDate) {
        List<Reason> faults = new ArrayList<>();
        IdRead idRead = stage("id", ref, faults, () -> idReader.readDetailed(page, ref));
        IdReading id = idRead == null ? null : idRead.reading();
        if (idRead != null) {
            timings.record("id.qr", (long) (idRead.qr().millis() * 1e6));
            if (idRead.qr().fastPath()) {
                timings.record("id.qr-fast", (long) (idRead.qr().millis() * 1e6));
            }
            timings.record("id.printed", (long) (idRead.printed().millis() * 1e6));
        }
        RegistryFact fact = id == null || id.applicationId() == null ? null
                : stage("registry", ref, faults, () -> registry.lookup(id.applicationId()));
        FieldReadings fields = stage("fields", ref, faults, () -> fieldReader.read(page, ref, batchDate));
        PhotoInspection photo = stage("photo", ref, faults, () -> photoInspector.examine(page, ref));
        PhotoMeasurement measurement = photo == null ? null : photo.measurement();
        long t0 = System.nanoTime();
        long c0 = StageTimings.cpuNow();
        FormRecord record = RecordAssembler.formRecord(envelope, page, id,
                fact == null ? List.of() : fact.reasons(), fields, measurement, faults);
        timings.record("decision", System.nanoTime() - t0, StageTimings.cpuNow() - c0);
        return new Inspection(record, id, fact, photo);
    }

    private <T> T stage(String name, PageRef ref, List<Reason> faults, Supplier<T> body) {
        long t0 = System.nanoTime();
        long c0 = StageTimings.cpuNow();
        try {
            return body.get();
        } catch (RuntimeException | LinkageError e) {
            log.error("{}: {} stage failed: {}", ref, name, e.getClass().getSimpleName(), Masking.redacted(e));
            faults.add(Reason.of(ReasonCode.INPUT_UNREADABLE, name + " stage failed: " + e.getClass().getSimpleName()));
            return null;
        } finally {
            timings.record(name, System.nanoTime() - t0, StageTimings.cpuNow() - c0);
        }
    }
}
