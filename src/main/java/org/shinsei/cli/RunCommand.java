package org.shinsei.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.shinsei.ShinseiApplication;
import org.shinsei.batch.ActionRequiredException;
import org.shinsei.batch.BatchParameters;
import org.shinsei.batch.BatchRunner;
import org.shinsei.batch.StageTimings;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shinsei run <batch-folder> [--registry issued.csv] [--out out] [--batch-id ID]}. */
@Command(name = "run", description = "Run (or resume) the nightly batch on a folder of scanned envelopes.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<batch-folder>", description = "folder with one file per envelope")
    Path folder;

    @Option(names = "--registry", paramLabel = "issued.csv",
            description = "registry of issued forms to import first (SPEC §2); a registry.csv in the folder is imported too")
    Path registry;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "output folder; results go to <out>/<batch-id>/ (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--batch-id", paramLabel = "ID",
            description = "batch id (default: today's date, yyyyMMdd, Japan time); the same id resumes or reruns a batch")
    String batchId;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            System.err.println("shinsei: " + folder + " is not a folder");
            return ShinseiCli.EXIT_USAGE;
        }
        if (batchId != null && !org.shinsei.support.SafeNames.isBatchId(batchId)) {
            System.err.println("shinsei: --batch-id must be letters, digits, '.', '_' or '-' (not starting with '.'), "
                    + "at most 64: it names the folder <out>/<batch-id>/");
            return ShinseiCli.EXIT_USAGE;
        }
        if (registry != null && !Files.isRegularFile(registry)) {
            System.err.println("shinsei: registry file " + registry + " not found");
            return ShinseiCli.EXIT_USAGE;
        }
        try (ConfigurableApplicationContext context = SpringContexts.start(ShinseiApplication.class)) {
            BatchRunner runner = context.getBean(BatchRunner.class);
            long t0 = System.nanoTime();
            JobExecution execution = runner.run(new BatchRunner.Request(folder, batchId, out, registry));
            String id = execution.getJobParameters().getString(BatchParameters.BATCH_ID);
            Path batchDir = Path.of(execution.getJobParameters().getString(BatchParameters.OUT_DIR)).resolve(id);
            List<FormRecord> records = context.getBean(RecordStore.class).records(id);
            StepExecution analyze = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("analyze")).findFirst().orElse(null);
            double seconds = analyze == null || analyze.getStartTime() == null || analyze.getEndTime() == null
                    ? (System.nanoTime() - t0) / 1e9
                    : java.time.Duration.between(analyze.getStartTime(), analyze.getEndTime()).toMillis() / 1000.0;
            Map<String, Double> stages = context.getBean(StageTimings.class).meanMillis();
            System.out.println(new RunSummary(id, String.valueOf(execution.getStatus()), records,
                    analyze == null ? 0 : (int) analyze.getWriteCount(), seconds, batchDir, stages).render());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                execution.getAllFailureExceptions().forEach(e -> System.err.println("shinsei: "
                        + (e.getMessage() != null ? e.getMessage() : e.toString())));
                ActionRequiredException action = execution.getAllFailureExceptions().stream()
                        .map(ActionRequiredException::in).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                System.err.println(action != null
                        ? "shinsei: the batch did not complete: " + action.action()
                        : "shinsei: the batch did not complete; run the same command again to resume it");
                return ShinseiCli.EXIT_FAILED;
            }
            return ShinseiCli.EXIT_OK;
        }
    }
}
