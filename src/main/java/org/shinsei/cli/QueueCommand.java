package org.shinsei.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.shinsei.ShinseiApplication;
import org.shinsei.decision.Outcome;
import org.shinsei.output.FormRecord;
import org.shinsei.output.OutputProperties;
import org.shinsei.output.RecordJson;
import org.shinsei.support.Masking;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shinsei queue browse [accepted|rejected|review] [--json]}: look without consuming. */
@Command(name = "queue", description = "Look at the output queue.", subcommands = QueueCommand.Browse.class)
final class QueueCommand {

    @Command(name = "browse", description = "List the messages of the output queues without consuming them, "
            + "one line per message with personal data masked.")
    static final class Browse implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "accepted|rejected|review",
                description = "one queue (default: all three)")
        String queue;

        @Option(names = "--json", description = "print each message's record as one JSON line, unmasked (for downstream tools)")
        boolean json;

        @Override
        public Integer call() {
            List<Outcome> outcomes = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                if (queue == null || o.queueSuffix().equals(queue)) {
                    outcomes.add(o);
                }
            }
            if (outcomes.isEmpty()) {
                System.err.println("shinsei: unknown queue '" + queue + "': accepted, rejected or review");
                return ShinseiCli.EXIT_USAGE;
            }
            try (ConfigurableApplicationContext context = SpringContexts.start(ShinseiApplication.class)) {
                JmsTemplate jms = context.getBean(JmsTemplate.class);
                OutputProperties props = context.getBean(OutputProperties.class);
                for (Outcome o : outcomes) {
                    String name = props.queue(o);
                    jms.browse(name, (session, browser) -> {
                        var messages = browser.getEnumeration();
                        while (messages.hasMoreElements()) {
                            Message m = (Message) messages.nextElement();
                            FormRecord r = RecordJson.read(((TextMessage) m).getText());
                            System.out.println(json ? RecordJson.write(r) : line(name, r));
                        }
                        return null;
                    });
                }
            }
            return ShinseiCli.EXIT_OK;
        }

        private static String line(String queue, FormRecord r) {
            return String.join("  ", queue, r.batch(), r.envelope(), r.page() == null ? "-" : "p" + r.page(),
                    r.outcome().name(), r.applicationId() == null ? "no-id" : Masking.lastFour(r.applicationId()),
                    r.reasons().isEmpty() ? "-" : RunSummary.reasonsOf(r));
        }
    }
}
