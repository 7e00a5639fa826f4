package org.shinsei.output;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where results go: the output folder ({@code <out>/<batch-id>/results.jsonl}) and the queue names.
 *
 * @param queuePrefix the output queues are {@code <prefix>accepted}, {@code <prefix>rejected}, {@code <prefix>review}
 */
@ConfigurationProperties("shinsei.output")
public record OutputProperties(@DefaultValue("out") String dir, @DefaultValue("shinsei.") String queuePrefix) {

    public String queue(org.shinsei.decision.Outcome outcome) {
        return queuePrefix + outcome.queueSuffix();
    }
}
