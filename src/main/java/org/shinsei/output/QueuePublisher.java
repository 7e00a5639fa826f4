package org.shinsei.output;

import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a record to its outcome's queue with a stable duplicate id ({@code batch/envelope/page}): Artemis's
 * duplicate-id detection drops a second send of the same record, so a crash between the send and the
 * "published" mark in H2 never delivers a record twice.
 */
@Component
public class QueuePublisher {

    /** Artemis's message property for duplicate detection (org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID). */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final JmsTemplate jms;
    private final OutputProperties properties;

    public QueuePublisher(JmsTemplate jms, OutputProperties properties) {
        this.jms = jms;
        this.properties = properties;
    }

    public void publish(FormRecord record) {
        String json = RecordJson.write(record);
        jms.send(properties.queue(record.outcome()), session -> {
            TextMessage m = session.createTextMessage(json);
            m.setStringProperty(DUPLICATE_ID, messageId(record));
            m.setStringProperty("batch", record.batch());
            m.setStringProperty("envelope", record.envelope());
            m.setIntProperty("page", RecordStore.pageKey(record));
            m.setStringProperty("outcome", record.outcome().name());
            return m;
        });
    }

    public static String messageId(FormRecord r) {
        return r.batch() + "/" + r.envelope() + "/" + RecordStore.pageKey(r);
    }
}
