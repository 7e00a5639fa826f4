package org.shinsei.output;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

/**
 * Sends a record to its outcome's queue, persistent, with a stable duplicate id ({@code batch/envelope/page}):
 * Artemis's duplicate-id detection drops a second send of the same record, so a crash between the send and the
 * "published" mark in H2 never delivers a record twice.
 *
 * <p>Each send takes a session of its own from the (caching) connection factory rather than the session
 * {@link JmsTemplate} would bind to the publish step's database transaction: a session whose broker died stays
 * dead until that transaction ends, so a retry on it could never succeed. {@link #reset()} drops the cached
 * connection before a retry.
 */
@Component
public class QueuePublisher {

    /** Artemis's message property for duplicate detection (org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID). */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final ConnectionFactory connectionFactory;
    private final OutputProperties properties;

    public QueuePublisher(JmsTemplate jms, OutputProperties properties) {
        this.connectionFactory = jms.getConnectionFactory();
        this.properties = properties;
    }

    /** @throws org.springframework.jms.JmsException when the broker does not take the message */
    public void publish(FormRecord record) {
        String json = RecordJson.write(record);
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(properties.queue(record.outcome())))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage m = session.createTextMessage(json);
            m.setStringProperty(DUPLICATE_ID, messageId(record));
            m.setStringProperty("batch", record.batch());
            m.setStringProperty("envelope", record.envelope());
            m.setIntProperty("page", RecordStore.pageKey(record));
            m.setStringProperty("outcome", record.outcome().name());
            producer.send(m);   // a persistent send returns once the broker has it in its journal
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    /**
     * Drops the cached JMS connection (Spring's caching connection factory keeps sessions whose producers died with
     * the broker): the next send connects afresh. Called before every retry.
     */
    public void reset() {
        if (connectionFactory instanceof SingleConnectionFactory cached) {
            cached.resetConnection();
        }
    }

    public static String messageId(FormRecord r) {
        return r.batch() + "/" + r.envelope() + "/" + RecordStore.pageKey(r);
    }
}
