package io.hookline.matcher.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.event.DomainEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The webhook an operational event is about: the dispatcher keys it by webhook id and names the webhook in its
 * subject and in {@code data.webhook_id}. Every one of them counts, so that an event written another way is still
 * kept from the webhook it is about.
 */
final class OperationalSubjects {

    private OperationalSubjects() {
    }

    static Set<String> webhookIds(DomainEvent event, byte[] recordKey) {
        Set<String> ids = new HashSet<>();
        if (recordKey != null) {
            ids.add(new String(recordKey, StandardCharsets.UTF_8));
        }
        if (event.subject() != null) {
            ids.add(event.subject());
        }
        JsonNode data = event.data();
        if (data != null && data.path("webhook_id").isTextual()) {
            ids.add(data.path("webhook_id").asText());
        }
        return ids;
    }
}
