package org.shinsei.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.shinsei.audit.AuditChain;
import org.shinsei.audit.AuditVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shinsei verify <out>/<batch-id>}: the audit log's hash chain and the envelopes' hashes, nothing re-run. */
@Command(name = "verify", description = "Check a batch's audit log (hash chain, envelope files) without re-running it; "
        + "exit 0 only if untouched, else print the first broken entry and exit 2.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<out>/<batch-id>", description = "the batch's output folder")
    Path batchDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(batchDir)) {
            System.err.println("shinsei: " + batchDir + " is not a folder");
            return ShinseiCli.EXIT_USAGE;
        }
        Path log = batchDir.resolve(AuditChain.FILE);
        if (!Files.isRegularFile(log)) {
            System.err.println("shinsei: no " + AuditChain.FILE + " in " + batchDir);
            return ShinseiCli.EXIT_FAILED;
        }
        AuditVerifier.Result r = AuditVerifier.verify(batchDir);
        if (r.intact()) {
            System.out.printf("%s: intact — %d entries, chain unbroken, %d decisions, %d envelope file(s) match their SHA-256%n",
                    log, r.entries(), r.decisions(), r.envelopes());
            return ShinseiCli.EXIT_OK;
        }
        System.out.println(log + ": BROKEN at " + r.broken().get());
        return ShinseiCli.EXIT_FAILED;
    }
}
