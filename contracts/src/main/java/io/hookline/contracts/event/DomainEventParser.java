package io.hookline.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.hookline.contracts.size.EventSize;
import io.hookline.contracts.size.SizeLimits;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a CloudEvent from a Kafka record with the CloudEvents SDK, in binary mode ({@code ce_} headers, the value is
 * the data) or structured mode (the value is the whole event as JSON, with or without the
 * {@code application/cloudevents+json} content type), and rejects anything that is not a valid event.
 */
public final class DomainEventParser {

    public static final String OVERSIZED = "oversized";

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper TREE_READER = new ObjectMapper()
            .registerModule(JsonFormat.getCloudEventJacksonModule());

    private final int maxEventBytes;

    public DomainEventParser() {
        this(SizeLimits.DEFAULT);
    }

    public DomainEventParser(SizeLimits limits) {
        this.maxEventBytes = limits.eventMaxBytes();
    }

    public DomainEvent parse(byte[] value, Headers headers) throws InvalidEventException {
        long size = EventSize.of(value, headers);
        if (size > maxEventBytes) {
            throw new InvalidEventException(OVERSIZED, tooLarge(size, maxEventBytes));
        }
        if (headers != null && headers.lastHeader(InvalidEvents.BINARY_PREFIX + "specversion") != null) {
            return parseBinary(value, headers);
        }
        return parseStructured(value);
    }

    /** The detail of an event over the limit, the same for the API's 413 and the dead letter's header. */
    public static String tooLarge(long size, int maxEventBytes) {
        return "event is " + size + " bytes (value and headers), more than the limit of " + maxEventBytes
                + " bytes (hookline.events.max-bytes)";
    }

    public DomainEvent parseStructured(byte[] value) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty", "the record has no value");
        }
        CloudEvent event;
        try {
            event = FORMAT.deserialize(value);
        } catch (EventDeserializationException | CloudEventRWException | IllegalStateException e) {
            throw InvalidEvents.structured(value, e);
        }
        return CloudEventMapping.toDomainEvent(event);
    }

    /** An event given as a JSON tree (the HTTP ingest), read by the same rules as one from Kafka. */
    public DomainEvent fromJson(JsonNode node) throws InvalidEventException {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("not_an_object", "a CloudEvent must be a JSON object");
        }
        CloudEvent event;
        try {
            event = TREE_READER.treeToValue(node, CloudEvent.class);
        } catch (java.io.IOException | CloudEventRWException | IllegalStateException e) {
            throw InvalidEvents.structured(node, e);
        }
        return CloudEventMapping.toDomainEvent(event);
    }

    private DomainEvent parseBinary(byte[] value, Headers headers) throws InvalidEventException {
        CloudEvent event;
        try {
            MessageReader reader = KafkaMessageFactory.createReader(headers, value);
            if (reader.getEncoding() != Encoding.BINARY) {
                return parseStructured(value);
            }
            event = reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw InvalidEvents.binary(headers, e);
        }
        return CloudEventMapping.toDomainEvent(event);
    }
}
