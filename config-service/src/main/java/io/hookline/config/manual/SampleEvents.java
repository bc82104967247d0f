package io.hookline.config.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.catalogue.EventType;
import io.hookline.config.catalogue.EventTypeCatalogue;
import io.hookline.config.validation.FieldErrors;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.json.Json;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the event of a webhook test from {@code {"event_type": ..., "data": ...}}: the catalogue's sample of that
 * type (its data unless the request gives some), with a fresh id so each test is its own delivery.
 */
@Singleton
public final class SampleEvents {

    static final String SOURCE = "/hookline/test";
    private static final Set<String> FIELDS = Set.of("event_type", "data");

    private final EventTypeCatalogue catalogue;

    public SampleEvents(EventTypeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The sample event in {@code tenant}, or a 400 problem naming every invalid field. */
    public DomainEvent sample(String tenant, JsonNode body) {
        FieldErrors errors = new FieldErrors();
        if (!body.isObject()) {
            errors.add("", "must be a JSON object with \"event_type\" and optionally \"data\"");
            errors.throwIfAny();
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(name, "unknown field; expected \"event_type\" and \"data\"");
            }
        }
        JsonNode type = body.get("event_type");
        if (type == null || !type.isTextual() || type.textValue().isBlank()) {
            errors.add("event_type", "is required: a non-empty string");
        }
        errors.throwIfAny();
        Optional<JsonNode> sample = catalogue.find(type.textValue()).map(EventType::sample);
        JsonNode data = body.get("data");
        if (data == null || data.isNull()) {
            data = sample.map(event -> event.get("data")).orElse(Json.MAPPER.createObjectNode());
        }
        return new DomainEvent("1.0", "test_" + UUID.randomUUID().toString().replace("-", ""),
                SOURCE, type.textValue(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                sample.map(event -> event.path("subject").asText(null)).orElse(null), tenant, "application/json", data);
    }
}
