package io.hookline.matcher.topology;

import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.event.InvalidEventException;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.matcher.freshness.Freshness;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.DeliveryJobs;
import io.hookline.rules.match.MatchDecision;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.RenderedRequest;
import io.hookline.rules.match.RequestRenderException;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookMatcher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For each domain event: reject it to the dead-letter topic when it is not a valid CloudEvent, else wait until the
 * webhooks are fresh enough for it ({@link Freshness}), then test it against the tenant's candidate webhooks and emit one job per endpoint of each match, or a failed-attempt record when a
 * template fails. Outputs of one event are emitted in order, synchronously, so one partition's order is kept.
 */
final class EventMatchProcessor implements Processor<byte[], byte[], byte[], MatcherOutput> {

    static final String ERROR_HEADER = "error";
    static final String ERROR_DETAIL_HEADER = "error-detail";
    private static final Logger LOG = LoggerFactory.getLogger(EventMatchProcessor.class);

    private final WebhookIndex index;
    private final Freshness freshness;
    private final WebhookMatcher matcher;
    private final RequestRenderer renderer;
    private final MatcherMetrics metrics;
    private final DomainEventParser parser = new DomainEventParser();
    private ProcessorContext<byte[], MatcherOutput> context;

    EventMatchProcessor(WebhookIndex index, Freshness freshness, WebhookMatcher matcher, RequestRenderer renderer,
                        MatcherMetrics metrics) {
        this.index = index;
        this.freshness = freshness;
        this.matcher = matcher;
        this.renderer = renderer;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], MatcherOutput> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.event();
        DomainEvent event;
        try {
            event = parser.parse(record.value(), record.headers());
        } catch (InvalidEventException e) {
            reject(record, e.reason(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("Unreadable event at {}", context.recordMetadata().map(Object::toString).orElse("?"), e);
            reject(record, "unreadable", String.valueOf(e.getMessage()));
            return;
        }
        // Throws rather than match against webhooks older than the event: the event is then read again.
        freshness.awaitFresh(record.timestamp());
        PreparedEvent prepared = PreparedEvent.of(event);
        String position = context.recordMetadata()
                .map(meta -> meta.partition() + ":" + meta.offset())
                .orElse(null);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (CompiledWebhook webhook : index.candidates(event.tenant(), event.type())) {
            try {
                emit(webhook, prepared, position, now, record.timestamp());
            } catch (RuntimeException e) {
                // A fault in one webhook's rules must not stop the others or the stream; it is logged as a failure.
                LOG.error("Webhook {} failed on event {}", webhook.id(), event.id(), e);
                fail(webhook, prepared, "internal error: " + e, now, record.timestamp());
            }
        }
    }

    private void emit(CompiledWebhook webhook, PreparedEvent prepared, String position, Instant now, long timestamp) {
        MatchDecision decision = matcher.decide(webhook, prepared);
        if (decision.isError()) {
            fail(webhook, prepared, decision.failed().wireName() + ": " + decision.reason(), now, timestamp);
            return;
        }
        if (!decision.matched()) {
            return;
        }
        RenderedRequest request;
        try {
            request = renderer.render(webhook, prepared);
        } catch (RequestRenderException e) {
            fail(webhook, prepared, e.getMessage(), now, timestamp);
            return;
        }
        for (String url : request.urls()) {
            var job = DeliveryJobs.first(webhook.config(), prepared, request, url, position, now);
            context.forward(new Record<>(utf8(EndpointKey.of(webhook.id(), url)),
                    (MatcherOutput) new MatcherOutput.Job(job), timestamp, new RecordHeaders()));
            metrics.job();
        }
    }

    private void fail(CompiledWebhook webhook, PreparedEvent prepared, String error, Instant now, long timestamp) {
        metrics.templateFailure();
        for (String url : webhook.config().endpoints()) {
            var attempt = DeliveryRecords.templateFailure(webhook.config(), prepared, url, error, now);
            context.forward(new Record<>(utf8(webhook.id()), (MatcherOutput) new MatcherOutput.Failure(attempt),
                    timestamp, new RecordHeaders()));
        }
    }

    private void reject(Record<byte[], byte[]> record, String reason, String detail) {
        metrics.invalidEvent(reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(ERROR_HEADER, utf8(reason));
        headers.add(ERROR_DETAIL_HEADER, utf8(detail == null ? reason : detail));
        context.forward(new Record<>(record.key(), (MatcherOutput) new MatcherOutput.Rejected(record.value()),
                record.timestamp(), headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
