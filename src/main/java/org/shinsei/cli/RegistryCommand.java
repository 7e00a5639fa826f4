package org.shinsei.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.shinsei.ShinseiApplication;
import org.shinsei.registry.ImportReport;
import org.shinsei.registry.RegistryImporter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shinsei registry import <issued.csv>}: import the registry of issued forms (SPEC §2), idempotently. */
@Command(name = "registry", description = "The registry of issued forms.", subcommands = RegistryCommand.Import.class)
final class RegistryCommand {

    @Command(name = "import", description = "Import a registry CSV (SPEC §2). Bad rows are listed by line number; "
            + "exit 0 only when every row was imported.")
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "issued.csv")
        Path csv;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(csv)) {
                System.err.println("shinsei: " + csv + " not found");
                return ShinseiCli.EXIT_USAGE;
            }
            try (ConfigurableApplicationContext context = SpringContexts.start(ShinseiApplication.class)) {
                ImportReport report = context.getBean(RegistryImporter.class).importCsv(csv);
                report.errors().forEach(e -> System.err.println(csv.getFileName() + " line " + e.line() + ": " + e.message()));
                System.out.println(csv.getFileName() + ": " + report);
                return report.hasErrors() ? ShinseiCli.EXIT_FAILED : ShinseiCli.EXIT_OK;
            }
        }
    }
}
