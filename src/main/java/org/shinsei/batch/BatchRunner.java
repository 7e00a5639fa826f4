package org.shinsei.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;

import org.shinsei.scan.EnvelopeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Starts a batch, or resumes it. A batch whose last run was interrupted (failed, stopped, or left STARTED by a
 * crash, which is recovered first) is restarted from its last committed chunk; a completed batch is run again
 * as a new instance, which picks up only envelopes added to the folder since.
 */
@Component
@Profile("!worker")
public class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter BATCH_ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final EnvelopeStore envelopes;

    public BatchRunner(JobOperator operator, JobRepository repository, Job nightlyBatch, EnvelopeStore envelopes) {
        this.operator = operator;
        this.repository = repository;
        this.job = nightlyBatch;
        this.envelopes = envelopes;
    }

    /** A request from the command line: folder, optional batch id (default today's date), out dir, registry. */
    public record Request(Path folder, String batchId, Path outDir, Path registry) {
    }

    public JobExecution run(Request request) throws Exception {
        String batchId = request.batchId() != null ? request.batchId() : LocalDate.now(JAPAN).format(BATCH_ID_DATE);
        Optional<JobExecution> last = lastExecution(batchId);
        if (last.isPresent() && last.get().getStatus() != BatchStatus.COMPLETED) {
            JobExecution previous = last.get();
            if (previous.getStatus().isRunning()) {
                log.warn("batch {}: run {} was left {} (crash?): recovering it", batchId,
                        previous.getJobParameters().getLong(BatchParameters.RUN_NO), previous.getStatus());
                previous = operator.recover(previous);
            } else if (previous.getStepExecutions().stream().anyMatch(s -> s.getStatus().isRunning())) {
                // distributed: the manager timed out on a partition whose worker died; the partition is marked
                // FAILED so that the restart runs it again
                log.warn("batch {}: run {} left a partition unfinished (a worker died?): recovering it", batchId,
                        previous.getJobParameters().getLong(BatchParameters.RUN_NO));
                previous = operator.recover(previous);
            }
            log.info("batch {}: resuming the interrupted run {}", batchId,
                    previous.getJobParameters().getLong(BatchParameters.RUN_NO));
            return operator.restart(previous);
        }
        long runNo = last.map(e -> e.getJobParameters().getLong(BatchParameters.RUN_NO) + 1).orElse(1L);
        Path folder = request.folder().toAbsolutePath().normalize();
        LocalDate batchDate = batchDate(batchId);
        BatchParameters params = new BatchParameters(batchId, runNo, folder, batchDate,
                request.outDir().toAbsolutePath().normalize(), request.registry());
        if (runNo > 1) {
            log.info("batch {} was completed before: run {} processes only envelopes new in the folder", batchId, runNo);
        }
        return operator.start(job, params.toJobParameters());
    }

    /** The batch date: from a batch id of the form yyyyMMdd, else the date the batch was first run (Japan time). */
    LocalDate batchDate(String batchId) {
        try {
            return LocalDate.parse(batchId, BATCH_ID_DATE);
        } catch (DateTimeParseException e) {
            return LocalDate.now(JAPAN);
        }
    }

    private Optional<JobExecution> lastExecution(String batchId) {
        return repository.findJobInstances(BatchJobConfiguration.JOB_NAME).stream()
                .map(repository::getLastJobExecution)
                .filter(e -> e != null && batchId.equals(e.getJobParameters().getString(BatchParameters.BATCH_ID)))
                .max(Comparator.comparing((JobExecution e) -> e.getJobParameters().getLong(BatchParameters.RUN_NO))
                        .thenComparing(JobExecution::getId));
    }

    public int envelopeCount(String batchId) {
        return envelopes.count(batchId);
    }

}
