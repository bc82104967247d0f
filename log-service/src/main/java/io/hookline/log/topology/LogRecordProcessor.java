package io.hookline.log.topology;

import io.hookline.contracts.delivery.Outcome;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each delivery-log record into the index and record stores, and folds attempts and operational events into
 * the webhook's latest state. Both topics are keyed by webhook id, so one task holds everything of one webhook.
 */
final class LogRecordProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(LogRecordProcessor.class);

    private static final int RECENT_STATES = 4096;

    private final String operationalEventsTopic;
    private ProcessorContext<Void, Void> context;
    private WindowStore<String, byte[]> index;
    private WindowStore<String, byte[]> records;
    private KeyValueStore<String, byte[]> states;
    /** This task is the store's only writer, so what it last wrote is what the store holds: no need to read it back. */
    private final Map<String, WebhookState> recentStates = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WebhookState> eldest) {
            return size() > RECENT_STATES;
        }
    };

    LogRecordProcessor(String operationalEventsTopic) {
        this.operationalEventsTopic = operationalEventsTopic;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.index = context.getStateStore(LogStores.ATTEMPT_INDEX);
        this.records = context.getStateStore(LogStores.ATTEMPT_RECORDS);
        this.states = context.getStateStore(LogStores.WEBHOOK_STATE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        if (topic.equals(operationalEventsTopic)) {
            processOperationalEvent(record);
        } else {
            processAttempt(record);
        }
    }

    private void processAttempt(Record<String, byte[]> record) {
        AttemptSummary attempt;
        try {
            attempt = record.value() == null ? null : AttemptSummary.fromBytes(record.value());
        } catch (UncheckedIOException e) {
            skip(record, "unreadable attempt: " + e.getCause().getMessage());
            return;
        }
        String webhookId = attempt == null ? null : attempt.webhookId() != null ? attempt.webhookId() : record.key();
        if (attempt == null || webhookId == null || attempt.deliveryId() == null || attempt.outcome() == null) {
            skip(record, "attempt without webhook id, delivery id or outcome");
            return;
        }
        Instant time = attempt.timestamp() != null ? attempt.timestamp() : Instant.ofEpochMilli(record.timestamp());
        index.put(webhookId, attempt.indexEntry().toBytes(), time.toEpochMilli());
        records.put(attempt.deliveryId(), record.value(), time.toEpochMilli());
        WebhookState state = stateOf(webhookId).withTenant(attempt.tenant());
        state = attempt.outcome() == Outcome.SUCCEEDED ? state.withSuccess(time)
                : state.withFailure(new WebhookState.Failure(time, attempt.deliveryId(), attempt.outcome(),
                        attempt.statusCode(), attempt.error()));
        save(webhookId, state);
    }

    private void processOperationalEvent(Record<String, byte[]> record) {
        OperationalEvent.parse(record.key(), record.value(), Instant.ofEpochMilli(record.timestamp()))
                .filter(event -> event.webhookId() != null)
                .ifPresentOrElse(
                        event -> save(event.webhookId(),
                                OperationalStateUpdate.apply(stateOf(event.webhookId()), event)),
                        () -> skip(record, "operational event that is not a CloudEvent with a webhook id"));
    }

    private WebhookState stateOf(String webhookId) {
        WebhookState recent = recentStates.get(webhookId);
        if (recent != null) {
            return recent;
        }
        byte[] stored = states.get(webhookId);
        return stored == null ? WebhookState.empty(webhookId) : WebhookState.fromBytes(stored);
    }

    private void save(String webhookId, WebhookState state) {
        states.put(webhookId, state.toBytes());
        recentStates.put(webhookId, state);
    }

    private void skip(Record<String, byte[]> record, String reason) {
        LOG.error("Skipped {} at {}", reason, context.recordMetadata()
                .map(meta -> meta.topic() + "-" + meta.partition() + "@" + meta.offset()).orElse("?"));
    }
}
