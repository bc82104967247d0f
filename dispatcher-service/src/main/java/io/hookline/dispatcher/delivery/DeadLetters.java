package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.OversizedJob;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Records of {@code webhook-deliveries-dlq}. Every one carries the headers {@code error} (why it is there:
 * {@code exhausted}, {@code unreadable}, {@code oversized}) and {@code error-detail}, as {@code domain-events-dlq} does. An exhausted
 * job is the job unchanged but for its last error; an unreadable one is the original key, bytes and headers.
 */
public final class DeadLetters {

    public static final String ERROR = "error";
    public static final String ERROR_DETAIL = "error-detail";
    public static final String EXHAUSTED = "exhausted";
    public static final String UNREADABLE = "unreadable";

    private DeadLetters() {
    }

    static ProducerRecord<String, byte[]> exhausted(String topic, String key, DeliveryJob job, String error) {
        ObjectNode node = Json.MAPPER.valueToTree(job);
        node.put("last_error", error);
        RecordHeaders headers = new RecordHeaders();
        addReason(headers, EXHAUSTED, error);
        return new ProducerRecord<>(topic, null, key, Json.toBytes(node), headers);
    }

    /** A job too large to keep whole: its trimmed form ({@code dead_letter}), with reason {@code oversized}. */
    static ProducerRecord<String, byte[]> oversized(String topic, String key, byte[] trimmed, String detail) {
        RecordHeaders headers = new RecordHeaders();
        addReason(headers, OversizedJob.REASON, detail);
        return new ProducerRecord<>(topic, null, key, trimmed, headers);
    }

    public static ProducerRecord<String, byte[]> unreadable(String topic, ConsumerRecord<String, byte[]> original,
                                                            String detail) {
        RecordHeaders headers = new RecordHeaders(original.headers().toArray());
        addReason(headers, UNREADABLE, detail);
        return new ProducerRecord<>(topic, null, original.key(), original.value(), headers);
    }

    private static void addReason(RecordHeaders headers, String error, String detail) {
        headers.add(ERROR, error.getBytes(StandardCharsets.UTF_8));
        headers.add(ERROR_DETAIL, (detail == null ? error : detail).getBytes(StandardCharsets.UTF_8));
    }
}
