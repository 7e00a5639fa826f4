package org.shinsei.batch.distributed;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request on the wire: {@code <step name> <step execution id>} as a JMS text message, so that the
 * workers never deserialize Java objects from the broker.
 */
final class PartitionRequests {

    private PartitionRequests() {
    }

    static String encode(StepExecutionRequest request) {
        return request.getStepName() + " " + request.getStepExecutionId();
    }

    static StepExecutionRequest decode(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a partition request: " + text);
        }
        return new StepExecutionRequest(parts[0], Long.parseLong(parts[1]));
    }
}
