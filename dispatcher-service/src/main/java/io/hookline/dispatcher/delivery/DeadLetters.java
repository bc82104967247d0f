package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;

/** The job as it goes to {@code webhook-deliveries-dlq}: unchanged but for its last error. */
final class DeadLetters {

    private DeadLetters() {
    }

    static ObjectNode withLastError(DeliveryJob job, String error) {
        ObjectNode node = Json.MAPPER.valueToTree(job);
        node.put("last_error", error);
        return node;
    }
}
