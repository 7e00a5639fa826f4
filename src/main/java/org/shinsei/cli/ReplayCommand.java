package org.shinsei.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.shinsei.ShinseiApplication;
import org.shinsei.audit.AuditChain;
import org.shinsei.audit.JsonDiff;
import org.shinsei.audit.Replayer;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shinsei replay <out>/<batch-id>}: re-run the recognition on the logged envelopes and compare. */
@Command(name = "replay", description = "Re-run the recognition on a batch's envelopes with this installation's "
        + "configuration and compare every decision and measurement with its audit log; exit 0 only if all reproduce, "
        + "else print each difference and exit 2. The registry facts come from the log (any installation can replay); "
        + "where today's registry would decide otherwise is listed apart (REGISTRY TODAY).")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<out>/<batch-id>", description = "the batch's output folder")
    Path batchDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(batchDir.resolve(AuditChain.FILE))) {
            System.err.println("shinsei: no " + AuditChain.FILE + " in " + batchDir);
            return ShinseiCli.EXIT_USAGE;
        }
        try (ConfigurableApplicationContext context = SpringContexts.start(ShinseiApplication.class)) {
            Replayer.Result r = context.getBean(Replayer.class).replay(batchDir);
            // an application ID in a difference is shown by its last 4 digits, as everywhere outside the records
            r.differences().forEach(d -> System.out.println("DIFFERENT " + masked(d)));
            System.out.printf("replay %s: %d decision(s), %d reproduced, %d difference(s) (numbers within %s)%n",
                    batchDir.getFileName(), r.decisions(), r.reproduced(), r.differences().size(), JsonDiff.TOLERANCE);
            // not differences: the decisions were replayed with the registry facts they used; this is today's registry
            r.registryToday().forEach(d -> System.out.println("REGISTRY TODAY " + masked(d)));
            return r.differences().isEmpty() ? ShinseiCli.EXIT_OK : ShinseiCli.EXIT_FAILED;
        }
    }

    private static String masked(String line) {
        return line.replaceAll("\\d{19}(\\d{4})", "*******************$1");
    }
}
