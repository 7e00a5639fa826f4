package org.shinsei.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.shinsei.ShinseiApplication;
import org.shinsei.output.BatchReports;
import org.shinsei.scan.EnvelopeStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shinsei report <batch-id> [--out out]}: write the reviewers' report again from H2. */
@Command(name = "report", description = "Write a batch's reviewers' report (report.html, report.pdf, rejections.csv) "
        + "again from the database.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<batch-id>")
    String batchId;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "output folder; the report goes to <out>/<batch-id>/ (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = SpringContexts.start(ShinseiApplication.class)) {
            if (context.getBean(EnvelopeStore.class).folder(batchId).isEmpty()) {
                System.err.println("shinsei: no batch " + batchId + " in the database");
                return ShinseiCli.EXIT_USAGE;
            }
            List<Path> files = context.getBean(BatchReports.class).write(batchId, out.resolve(batchId));
            files.forEach(f -> System.out.println(f.toAbsolutePath().normalize()));
            return ShinseiCli.EXIT_OK;
        }
    }
}
