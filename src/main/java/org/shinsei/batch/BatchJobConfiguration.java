package org.shinsei.batch;

import java.nio.file.Path;
import java.time.LocalDate;

import org.shinsei.audit.AuditLogWriter;
import org.shinsei.audit.EvidenceCollector;
import org.shinsei.audit.EvidenceStore;
import org.shinsei.output.BatchReports;
import org.shinsei.output.PublishProperties;
import org.shinsei.output.QueuePublisher;
import org.shinsei.output.RecordStore;
import org.shinsei.registration.PageRegistrar;
import org.shinsei.registry.RegistryCheck;
import org.shinsei.registry.RegistryImporter;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeOpener;
import org.shinsei.scan.EnvelopeStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.item.support.SynchronizedItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly batch, top to bottom:
 * <ol>
 *   <li>{@code registry} — import the registry of issued forms ({@code --registry}, the folder's registry.csv);</li>
 *   <li>{@code inventory} — list the envelope files, hash them, register the new ones in H2;</li>
 *   <li>{@code analyze} — per envelope: open, register pages, read ID / fields / photo, decide; the records are
 *       committed with the envelope's status in the chunk transaction, so a restart continues where it stopped;</li>
 *   <li>{@code duplicates} — DUPLICATE_APPLICATION in file-name order over the whole batch and earlier ones;</li>
 *   <li>{@code publish} — every record not yet published to the output queue, exactly once;</li>
 *   <li>{@code report} — {@code <out>/<batch-id>/results.jsonl}, report.html/.pdf, rejections.csv, audit.jsonl.</li>
 * </ol>
 */
@Configuration
public class BatchJobConfiguration {

    public static final String JOB_NAME = "nightlyBatch";

    @Bean
    @Profile("!worker")   // a worker of the distributed profile runs partitions of analyze, never the job
    public Job nightlyBatch(JobRepository jobs, Step registry, Step inventory, Step analyze, Step duplicates,
                            Step publish, Step report) {
        return new JobBuilder(JOB_NAME, jobs)
                .start(registry)
                .next(inventory)
                .next(analyze)
                .next(duplicates)
                .next(publish)
                .next(report)
                .build();
    }

    @Bean
    public Step registry(JobRepository jobs, PlatformTransactionManager tx, RegistryTasklet registryTasklet) {
        return new StepBuilder("registry", jobs).tasklet(registryTasklet, tx).build();
    }

    @Bean
    public Step inventory(JobRepository jobs, PlatformTransactionManager tx, InventoryTasklet inventoryTasklet) {
        return new StepBuilder("inventory", jobs).tasklet(inventoryTasklet, tx).build();
    }

    /** On one machine; the distributed profile's manager partitions it instead (DistributedManagerConfiguration). */
    @Bean
    @Profile("!distributed")
    public Step analyze(JobRepository jobs, PlatformTransactionManager tx, ListItemReader<Envelope> pendingEnvelopes,
                        EnvelopeAnalyzer envelopeAnalyzer, ItemWriter<EnvelopeResult> recordWriter,
                        BatchProperties properties, ProgressListener progress) {
        var step = new StepBuilder("analyze", jobs)
                .<Envelope, EnvelopeResult>chunk(properties.effectiveChunkSize())
                .transactionManager(tx)
                .reader(new SynchronizedItemReader<>(pendingEnvelopes))
                .processor(envelopeAnalyzer)
                .writer(recordWriter)
                .listener(progress);
        if (properties.effectiveWorkers() > 1) {
            // the envelopes of a chunk are analysed in parallel, then written in one transaction
            step.taskExecutor(analyzeExecutor(properties.effectiveWorkers()));
        }
        return step.build();
    }

    @Bean
    public Step duplicates(JobRepository jobs, PlatformTransactionManager tx, DuplicatesTasklet duplicatesTasklet) {
        return new StepBuilder("duplicates", jobs).tasklet(duplicatesTasklet, tx).build();
    }

    @Bean
    public Step publish(JobRepository jobs, PlatformTransactionManager tx, PublishTasklet publishTasklet) {
        return new StepBuilder("publish", jobs).tasklet(publishTasklet, tx).build();
    }

    @Bean
    public Step report(JobRepository jobs, PlatformTransactionManager tx, ReportTasklet reportTasklet) {
        return new StepBuilder("report", jobs).tasklet(reportTasklet, tx).build();
    }

    private static ThreadPoolTaskExecutor analyzeExecutor(int workers) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(workers);
        executor.setMaxPoolSize(workers);
        executor.setThreadNamePrefix("analyze-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    // ---- the step-scoped pieces, built from the job parameters -------------------------------------------

    @Bean
    @StepScope
    public RegistryTasklet registryTasklet(RegistryImporter importer, RegistryCheck registry,
                                           @Value("#{jobParameters['folder']}") String folder,
                                           @Value("#{jobParameters['registry']}") String registryFile) {
        return new RegistryTasklet(importer, registry, Path.of(folder), registryFile == null ? null : Path.of(registryFile));
    }

    @Bean
    @StepScope
    public InventoryTasklet inventoryTasklet(EnvelopeStore store,
                                             @Value("#{jobParameters['batchId']}") String batchId,
                                             @Value("#{jobParameters['folder']}") String folder,
                                             @Value("#{jobParameters['batchDate']}") LocalDate batchDate) {
        return new InventoryTasklet(store, batchId, Path.of(folder), batchDate);
    }

    @Bean
    @StepScope
    public ListItemReader<Envelope> pendingEnvelopes(EnvelopeStore store,
                                                     @Value("#{jobParameters['batchId']}") String batchId,
                                                     @Value("#{jobParameters['folder']}") String folder) {
        return new ListItemReader<>(store.pending(batchId, Path.of(folder)));
    }

    @Bean
    @StepScope
    public EnvelopeAnalyzer envelopeAnalyzer(EnvelopeOpener opener, PageRegistrar registrar, FormInspector inspector,
                                             StageTimings timings, EvidenceCollector evidence,
                                             @Value("#{jobParameters['batchDate']}") LocalDate batchDate) {
        return new EnvelopeAnalyzer(opener, registrar, inspector, timings, batchDate, evidence, true);
    }

    @Bean
    public ItemWriter<EnvelopeResult> recordWriter(RecordStore records, EnvelopeStore envelopes, EvidenceStore evidence,
                                                   StageTimings timings) {
        return chunk -> {
            for (EnvelopeResult result : chunk) {
                long t0 = System.nanoTime();
                long c0 = StageTimings.cpuNow();
                result.records().forEach(records::save);
                result.records().forEach(r -> evidence.save(r, result.evidenceOf(r)));
                envelopes.markAnalyzed(result.envelope().batchId(), result.envelope().name(), result.millis());
                timings.record("write", System.nanoTime() - t0, StageTimings.cpuNow() - c0);
            }
        };
    }

    @Bean
    @StepScope
    public DuplicatesTasklet duplicatesTasklet(RecordStore records, @Value("#{jobParameters['batchId']}") String batchId) {
        return new DuplicatesTasklet(records, batchId);
    }

    @Bean
    @StepScope
    public PublishTasklet publishTasklet(RecordStore records, QueuePublisher publisher, PublishProperties publish,
                                         @Value("#{jobParameters['batchId']}") String batchId) {
        return new PublishTasklet(records, publisher, batchId, publish);
    }

    @Bean
    @StepScope
    public ReportTasklet reportTasklet(RecordStore records, BatchReports reports, AuditLogWriter audit,
                                       @Value("#{jobParameters['batchId']}") String batchId,
                                       @Value("#{jobParameters['outDir']}") String outDir) {
        return new ReportTasklet(records, batchId, Path.of(outDir).resolve(batchId), reports, audit);
    }
}
