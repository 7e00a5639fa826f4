package org.shinsei.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.shinsei.registry.ImportReport;
import org.shinsei.registry.RegistryCheck;
import org.shinsei.registry.RegistryImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 0, registry: imports the registry of issued forms — the {@code --registry} file and the folder's own
 * {@code registry.csv} (SPEC §1) — idempotently. Bad rows are reported with their line numbers. A batch never
 * runs against an empty registry: every form would be rejected as ID_UNKNOWN.
 */
public class RegistryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RegistryTasklet.class);
    private static final int ERRORS_SHOWN = 20;

    private final RegistryImporter importer;
    private final RegistryCheck registry;
    private final List<Path> files;

    public RegistryTasklet(RegistryImporter importer, RegistryCheck registry, Path folder, Path registryOption) {
        this.importer = importer;
        this.registry = registry;
        List<Path> candidates = new ArrayList<>();
        if (registryOption != null) {
            candidates.add(registryOption);
        }
        Path inFolder = folder.resolve("registry.csv");
        if (Files.isRegularFile(inFolder) && (registryOption == null || !sameFile(inFolder, registryOption))) {
            candidates.add(inFolder);
        }
        this.files = List.copyOf(candidates);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        for (Path file : files) {
            ImportReport report = importer.importCsv(file);
            report.errors().stream().limit(ERRORS_SHOWN)
                    .forEach(e -> log.warn("registry: {} line {}: {}", file.getFileName(), e.line(), e.message()));
            if (report.errors().size() > ERRORS_SHOWN) {
                log.warn("registry: {}: {} more row errors not shown", file.getFileName(), report.errors().size() - ERRORS_SHOWN);
            }
            contribution.incrementWriteCount(report.inserted() + report.updated());
        }
        if (registry.size() == 0) {
            throw new ActionRequiredException("the registry of issued forms is empty: every form would be ID_UNKNOWN",
                    "import the registry with --registry issued.csv (or put registry.csv in the batch folder), then run "
                            + "the same command again");
        }
        return RepeatStatus.FINISHED;
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

}
