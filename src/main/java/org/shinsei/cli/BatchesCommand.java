package org.shinsei.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.shinsei.ShinseiApplication;
import org.shinsei.output.BatchOverview;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code shinsei batches}: the batches in the database, their state, outcomes and what is not yet published. */
@Command(name = "batches", description = "List the batches in the database: the state of the last run (COMPLETED, "
        + "FAILED, STARTED = running or killed), records per outcome and how many are not yet published.")
final class BatchesCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start(ShinseiApplication.class)) {
            List<BatchOverview.Row> rows = context.getBean(BatchOverview.class).batches();
            if (rows.isEmpty()) {
                System.out.println("no batches in the database");
                return ShinseiCli.EXIT_OK;
            }
            String format = "%-20s %-10s %-9s %-16s %9s %7s %8s %8s %6s %11s%n";
            System.out.printf(Locale.ROOT, format, "batch", "date", "state", "last run", "envelopes", "records",
                    "accepted", "rejected", "review", "unpublished");
            for (BatchOverview.Row r : rows) {
                System.out.printf(Locale.ROOT, format, r.batchId(), r.batchDate(), r.state(),
                        r.lastRun() == null ? "-" : r.lastRun().format(WHEN), r.envelopes(), r.records(), r.accepted(),
                        r.rejected(), r.review(), r.unpublished());
            }
            return ShinseiCli.EXIT_OK;
        }
    }
}
