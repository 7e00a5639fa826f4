package org.shinsei.batch.distributed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code distributed} profile's settings (config/application-distributed.yml).
 *
 * @param partitions       how many partitions the manager splits a batch's pending envelopes into (a killed worker
 *                         costs at most one partition's work; more partitions spread the load more evenly)
 * @param partitionTimeout how long the manager waits for all partitions before it fails the job cleanly (a dead
 *                         worker's partition never completes; running the same batch again re-runs only that one)
 * @param pollInterval     how often the manager reads the partitions' status from the shared job repository
 * @param requestQueue     the JMS queue the manager sends partition requests to and the workers listen on
 * @param brokerAcceptor   the TCP acceptor the manager's embedded broker opens for the workers (empty: none, when
 *                         the broker is a standalone one)
 * @param h2TcpPort        the port of the H2 TCP server the manager opens on its database for the workers
 *                         (0: none, when the shared database is PostgreSQL)
 * @param workerId         how a worker names itself in its log (default host name and process id)
 */
@ConfigurationProperties("shinsei.distributed")
public record DistributedProperties(@DefaultValue("8") int partitions,
                                    @DefaultValue("2h") Duration partitionTimeout,
                                    @DefaultValue("1s") Duration pollInterval,
                                    @DefaultValue("shinsei.partitions") String requestQueue,
                                    @DefaultValue("") String brokerAcceptor,
                                    @DefaultValue("0") int h2TcpPort,
                                    @DefaultValue("") String workerId) {
}
