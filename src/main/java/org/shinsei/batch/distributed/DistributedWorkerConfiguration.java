package org.shinsei.batch.distributed;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;
import org.shinsei.batch.BatchProperties;
import org.shinsei.batch.EnvelopeAnalyzer;
import org.shinsei.batch.EnvelopeResult;
import org.shinsei.batch.ProgressListener;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.item.support.SynchronizedItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A worker of the {@code distributed} profile ({@code shinsei worker}): takes one partition request at a time from
 * the broker and runs the same analyze step as a single machine does (same reader order, processor, writer and
 * chunk transaction) on the pending envelopes of that partition, against the shared job repository. A worker killed
 * in the middle leaves its request on the broker for another worker; if none finishes the partition within the
 * manager's timeout, the job fails cleanly and running the batch again re-runs the partition's remaining envelopes.
 */
@Configuration
@Profile("worker")
@EnableBatchIntegration
public class DistributedWorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DistributedWorkerConfiguration.class);

    @Bean
    public Step analyzeWorker(RemotePartitioningWorkerStepBuilderFactory steps, PlatformTransactionManager tx,
                              DirectChannel partitionRequests, ListItemReader<Envelope> partitionEnvelopes,
                              EnvelopeAnalyzer envelopeAnalyzer, ItemWriter<EnvelopeResult> recordWriter,
                              BatchProperties properties, ProgressListener progress, DistributedProperties distributed) {
        var step = steps.get(DistributedManagerConfiguration.WORKER_STEP)
                .inputChannel(partitionRequests)
                .listener(new PartitionLog(workerId(distributed)))
                .<Envelope, EnvelopeResult>chunk(properties.effectiveChunkSize())
                .transactionManager(tx)
                .reader(new SynchronizedItemReader<>(partitionEnvelopes))
                .processor(envelopeAnalyzer)
                .writer(recordWriter)
                .listener(progress);
        if (properties.effectiveWorkers() > 1) {
            step.taskExecutor(executor(properties.effectiveWorkers()));
        }
        return step.build();
    }

    @Bean
    @StepScope
    public ListItemReader<Envelope> partitionEnvelopes(EnvelopeStore store,
                                                       @Value("#{jobParameters['batchId']}") String batchId,
                                                       @Value("#{jobParameters['folder']}") String folder,
                                                       @Value("#{stepExecutionContext['firstEnvelope']}") String first,
                                                       @Value("#{stepExecutionContext['lastEnvelope']}") String last) {
        return new ListItemReader<>(store.pending(batchId, Path.of(folder), first, last));
    }

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /**
     * One request at a time, in a JMS transaction that commits when the partition has run: a worker killed in the
     * middle leaves the request on the broker, and another worker (or the next one started) runs the partition's
     * remaining envelopes. A request whose partition is no longer running (its job gave up on it, or it completed) is
     * dropped: after a rerun, the restarted job sends requests of its own.
     */
    @Bean
    public IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connectionFactory, DistributedProperties properties,
                                                       JobRepository jobs) {
        return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(connectionFactory)
                        .destination(properties.requestQueue())
                        .configureListenerContainer(c -> c.sessionTransacted(true).concurrentConsumers(1).maxConcurrentConsumers(1)))
                .transform(String.class, PartitionRequests::decode)
                .filter(StepExecutionRequest.class, request -> stillRunning(jobs, request))
                .channel(partitionRequests())
                .get();
    }

    private static boolean stillRunning(JobRepository jobs, StepExecutionRequest request) {
        StepExecution partition = jobs.getStepExecution(request.getStepExecutionId());
        boolean running = partition != null && partition.getStatus().isRunning() && partition.getJobExecution().isRunning();
        if (!running) {
            log.warn("partition request {} dropped: the partition is {} in a job that is {}", request,
                    partition == null ? "unknown" : partition.getStatus(),
                    partition == null ? "unknown" : partition.getJobExecution().getStatus());
        } else if (partition.getStatus() == BatchStatus.STARTED) {
            log.warn("partition {} is taken over: the worker that started it stopped before it ended", partition.getStepName());
        }
        return running;
    }

    private static String workerId(DistributedProperties properties) {
        return properties.workerId().isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : properties.workerId();
    }

    private static ThreadPoolTaskExecutor executor(int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("analyze-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /** One line per partition taken and finished, naming the worker (the integration test counts them). */
    record PartitionLog(String workerId) implements StepExecutionListener {

        @Override
        public void beforeStep(StepExecution stepExecution) {
            log.info("worker {}: partition {} started (envelopes {} .. {})", workerId, stepExecution.getStepName(),
                    stepExecution.getExecutionContext().getString(EnvelopeRangePartitioner.FIRST, "?"),
                    stepExecution.getExecutionContext().getString(EnvelopeRangePartitioner.LAST, "?"));
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            log.info("worker {}: partition {} {}: {} envelope(s) written", workerId, stepExecution.getStepName(),
                    stepExecution.getStatus(), stepExecution.getWriteCount());
            return null;
        }
    }
}
