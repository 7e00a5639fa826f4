package org.shinsei.batch.distributed;

import java.nio.file.Path;
import java.sql.SQLException;

import jakarta.jms.ConnectionFactory;
import org.h2.tools.Server;
import org.shinsei.scan.EnvelopeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * The manager of the {@code distributed} profile ({@code shinsei run} with the profile on): the job is the same,
 * but its {@code analyze} step splits the pending envelopes into partitions and sends one request per partition to
 * the workers over JMS. It learns the partitions' outcome by polling the shared job repository (no reply queue, so
 * no reply is lost when a manager or a worker dies), and fails the job after {@code partition-timeout}.
 * For tests and the one-machine demo it also opens its embedded broker and its H2 database to the workers over TCP.
 */
@Configuration
@Profile("distributed & !worker")
@EnableBatchIntegration
public class DistributedManagerConfiguration {

    public static final String WORKER_STEP = "analyzeWorker";
    private static final Logger log = LoggerFactory.getLogger(DistributedManagerConfiguration.class);

    @Bean
    public Step analyze(RemotePartitioningManagerStepBuilderFactory steps, EnvelopeRangePartitioner partitioner,
                        DirectChannel partitionRequests, DistributedProperties properties) {
        return steps.get("analyze")
                .partitioner(WORKER_STEP, partitioner)
                .gridSize(properties.partitions())
                .outputChannel(partitionRequests)
                .pollInterval(properties.pollInterval().toMillis())
                .timeout(properties.partitionTimeout().toMillis())
                .build();
    }

    @Bean
    @StepScope
    public EnvelopeRangePartitioner envelopeRangePartitioner(EnvelopeStore store,
                                                             @Value("#{jobParameters['batchId']}") String batchId,
                                                             @Value("#{jobParameters['folder']}") String folder) {
        return new EnvelopeRangePartitioner(store, batchId, Path.of(folder));
    }

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    public IntegrationFlow partitionRequestsToBroker(ConnectionFactory connectionFactory, DistributedProperties properties) {
        return IntegrationFlow.from(partitionRequests())
                .transform(StepExecutionRequest.class, PartitionRequests::encode)
                .handle(Jms.outboundAdapter(connectionFactory).destination(properties.requestQueue()))
                .get();
    }

    /** The embedded broker's TCP acceptor for the workers (tests, one-machine demo). */
    @Bean
    public ArtemisConfigurationCustomizer workerAcceptor(DistributedProperties properties) {
        return configuration -> {
            if (!properties.brokerAcceptor().isBlank()) {
                try {
                    configuration.addAcceptorConfiguration("workers", properties.brokerAcceptor());
                } catch (Exception e) {
                    throw new IllegalArgumentException("shinsei.distributed.broker-acceptor: " + e.getMessage(), e);
                }
                log.info("distributed: embedded broker accepts workers on {}", properties.brokerAcceptor());
            }
        };
    }

    /** H2 in mixed mode: the manager uses its database in-process and serves it to the workers on loopback. */
    @Bean(destroyMethod = "stop")
    public H2TcpServer h2TcpServer(DistributedProperties properties, @Value("${shinsei.data-dir}") String dataDir)
            throws SQLException {
        return H2TcpServer.start(properties.h2TcpPort(), Path.of(dataDir));
    }

    /** The H2 TCP server, or nothing when the port is 0 (the shared database is PostgreSQL). */
    public static final class H2TcpServer {
        private final Server server;

        private H2TcpServer(Server server) {
            this.server = server;
        }

        static H2TcpServer start(int port, Path baseDir) throws SQLException {
            if (port <= 0) {
                return new H2TcpServer(null);
            }
            Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir",
                    baseDir.toAbsolutePath().toString(), "-ifExists").start();
            log.info("distributed: H2 serves the job repository and results to the workers on port {}", server.getPort());
            return new H2TcpServer(server);
        }

        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }
}
