package org.shinsei.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shinsei queue browse [accepted|rejected|review]}. */
@Command(name = "queue", description = "Look at the output queue.", subcommands = QueueCommand.Browse.class)
final class QueueCommand {

    @Command(name = "browse", description = "List the messages of the output queues without consuming them.")
    static final class Browse implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "accepted|rejected|review")
        String queue;

        @Override
        public Integer call() {
            System.err.println("shinsei: not yet implemented (issue 6: output queue, crash recovery and reruns)");
            return ShinseiCli.EXIT_FAILED;
        }
    }
}
