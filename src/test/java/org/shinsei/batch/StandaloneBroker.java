package org.shinsei.batch;

import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An "external" ActiveMQ Artemis broker for the crash tests, run in its own JVM so that it can be killed with
 * SIGKILL: a TCP acceptor on 127.0.0.1:{@code port} and a persistent journal in {@code dir}, default settings
 * otherwise (duplicate-id cache of 20,000 ids per address, persisted). Prints {@code BROKER READY} when it
 * accepts connections.
 *
 * <pre>java org.shinsei.batch.StandaloneBroker 61616 /var/lib/broker</pre>
 */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Configuration c = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        c.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(c);
        broker.start();
        System.out.println("BROKER READY on port " + port + ", journal " + c.getJournalType() + ", id-cache-size "
                + c.getIDCacheSize() + ", persist-id-cache " + c.isPersistIDCache());
        Thread.currentThread().join();   // until killed
    }
}
