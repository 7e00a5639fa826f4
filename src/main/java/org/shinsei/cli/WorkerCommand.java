package org.shinsei.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.shinsei.ShinseiApplication;
import org.shinsei.batch.distributed.DistributedProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code shinsei worker}: a worker of the distributed profile. Connects to the broker and the shared database
 * (config/application-worker.yml; SHINSEI_DISTRIBUTED_MANAGER_HOST, SPRING_ARTEMIS_BROKER_URL,
 * SPRING_DATASOURCE_URL...), runs the analyze partitions it is sent, and runs until it is stopped (SIGTERM / Ctrl-C).
 */
@Command(name = "worker", description = "Run a worker of the distributed profile: analyze the partitions the manager "
        + "sends, until stopped.")
final class WorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        ConfigurableApplicationContext context = SpringContexts.startWithProfiles(ShinseiApplication.class, new String[] {"distributed", "worker"});
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        context.registerShutdownHook();
        DistributedProperties p = context.getBean(DistributedProperties.class);
        System.out.println("shinsei worker: ready, listening on " + p.requestQueue() + " at "
                + context.getEnvironment().getProperty("spring.artemis.broker-url"));
        stopped.await();
        return ShinseiCli.EXIT_OK;
    }
}
