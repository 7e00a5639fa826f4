package org.shinsei.batch;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job's parameters. A job instance is identified by the batch id and a run number: a run left unfinished
 * is restarted under the same instance; once a batch completed, running it again is a new instance, which only
 * finds the envelopes that were added to the folder since.
 *
 * @param registry a registry CSV to import first, or null
 */
public record BatchParameters(String batchId, long runNo, Path folder, LocalDate batchDate, Path outDir, Path registry) {

    public static final String BATCH_ID = "batchId";
    public static final String RUN_NO = "runNo";
    public static final String FOLDER = "folder";
    public static final String BATCH_DATE = "batchDate";
    public static final String OUT_DIR = "outDir";
    public static final String REGISTRY = "registry";

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(BATCH_ID, batchId)
                .addLong(RUN_NO, runNo)
                .addString(FOLDER, folder.toString(), false)
                .addLocalDate(BATCH_DATE, batchDate, false)
                .addString(OUT_DIR, outDir.toString(), false);
        if (registry != null) {
            b.addString(REGISTRY, registry.toString(), false);
        }
        return b.toJobParameters();
    }

    /** {@code <out>/<batch-id>/}: results.jsonl, the report and the audit log. */
    public Path batchDir() {
        return outDir.resolve(batchId);
    }
}
