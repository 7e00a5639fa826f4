package org.shinsei.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Commands of SPEC §4 whose issues have not landed yet: they say so and exit 2. */
abstract class NotYetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<out>/<batch-id>", description = "the batch's output folder")
    Path batchDir;

    @Override
    public Integer call() {
        System.err.println("shinsei: not yet implemented (issue 7: reviewers' report and auditors' replayable log)");
        return ShinseiCli.EXIT_FAILED;
    }

    @Command(name = "replay", description = "Re-run a batch from its audit log; exit 0 only if every decision is reproduced.")
    static final class Replay extends NotYetCommand {
    }

    @Command(name = "verify", description = "Check a batch's audit log without re-running it; exit 0 only if untouched.")
    static final class Verify extends NotYetCommand {
    }
}
