package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.event.EventTime;
import io.hookline.contracts.event.InvalidEventException;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.EventSize;
import io.hookline.contracts.size.JobSize;
import io.hookline.contracts.size.OversizedJob;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.matcher.freshness.Freshness;
import io.hookline.matcher.freshness.PollTimes;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.DeliveryJobs;
import io.hookline.rules.match.Evaluation;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.RenderFailure;
import io.hookline.rules.match.RenderedRequest;
import io.hookline.rules.template.TemplateError;
import io.hookline.service.logging.DeliveryMdc;
import io.hookline.service.tracing.EventSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For each domain event: reject it to the dead-letter topic when it is not a valid CloudEvent or over the size limit,
 * else wait until the webhooks are fresh enough for it ({@link Freshness}), then test it against the tenant's
 * candidate webhooks and emit one job per endpoint of each match. A webhook whose rules are wrong for the event gets a
 * failed-attempt record; one that keeps failing for Hookline's own reasons (a render out of time, an internal error)
 * after its retries ({@link RenderAttempts}) sends the event to the dead-letter topic with the reason and the webhook's
 * id, so it can be replayed. A job too large for a record goes, trimmed, to the jobs' dead-letter topic with a log
 * record instead: the broker would refuse it and fail the stream task. Outputs of one event are emitted in order,
 * synchronously, so one partition's order is kept. A webhook's {@code forwarding} decides first whether the event may
 * go to it at all ({@link ForwardingRules}); the subscriptions the event ends are ended after its jobs.
 *
 * <p>The same processor reads Hookline's operational events ({@code hookline.*}, {@code operational}): they are
 * matched like domain events, except that an event about a webhook never goes to that webhook itself.
 */
final class EventMatchProcessor implements Processor<byte[], byte[], byte[], MatcherOutput> {

    static final String ERROR_HEADER = "error";
    static final String ERROR_DETAIL_HEADER = "error-detail";
    static final String WEBHOOK_ID_HEADER = "webhook-id";
    static final String RENDER_TIMEOUT = "render_timeout";
    static final String INTERNAL_ERROR = "internal_error";
    static final String MATCH_SPAN = "hookline.match";
    private static final Logger LOG = LoggerFactory.getLogger(EventMatchProcessor.class);

    private final WebhookIndex index;
    private final Freshness freshness;
    private final RenderAttempts attempts;
    private final MatcherMetrics metrics;
    private final SizeLimits limits;
    private final DomainEventParser parser;
    private final EventSpans spans;
    private final ForwardingRules forwarding;
    private final boolean operational;
    private ProcessorContext<byte[], MatcherOutput> context;
    /** Jobs emitted by this processor so far: a span counts its event's. */
    private long jobs;

    EventMatchProcessor(WebhookIndex index, Freshness freshness, RenderAttempts attempts, MatcherMetrics metrics,
                        SizeLimits limits, EventSpans spans, ForwardingRules forwarding, boolean operational) {
        this.spans = spans;
        this.forwarding = forwarding;
        this.operational = operational;
        this.index = index;
        this.freshness = freshness;
        this.attempts = attempts;
        this.metrics = metrics;
        this.limits = limits;
        this.parser = new DomainEventParser(limits);
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
            reject(record, e.reason(), e.getMessage(), null);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Unreadable event at {}", context.recordMetadata().map(Object::toString).orElse("?"), e);
            reject(record, "unreadable", String.valueOf(e.getMessage()), null);
            return;
        }
        Span span = spans.isOn() ? spans.start(MATCH_SPAN, SpanKind.CONSUMER, event.trace()) : Span.getInvalid();
        try {
            span.setAttribute("hookline.event_id", event.id());
            span.setAttribute("hookline.event_type", event.type());
            // Throws rather than match against webhooks older than the event: the event is then read again.
            freshness.awaitFresh(record.timestamp(), fetchedAt());
            match(record, event, span);
        } finally {
            span.end();
        }
    }

    private void match(Record<byte[], byte[]> record, DomainEvent event, Span span) {
        long jobsBefore = jobs;
        PreparedEvent prepared = PreparedEvent.of(event);
        String position = context.recordMetadata()
                .map(meta -> meta.partition() + ":" + meta.offset())
                .orElse(null);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Instant eventTime = EventTime.of(event.time(), record.timestamp());
        Set<String> about = operational ? OperationalSubjects.webhookIds(event, record.key()) : Set.of();
        for (CompiledWebhook webhook : index.candidates(event.tenant(), event.type())) {
            if (about.contains(webhook.id()) || !forwarding.admits(webhook, event)) {
                continue;
            }
            try {
                RenderAttempts.Outcome outcome = attempts.evaluate(webhook, prepared);
                if (outcome.evaluation() instanceof Evaluation.Send send) {
                    metrics.match();
                    emit(webhook, prepared, send.request(), position, now, eventTime, record.timestamp());
                } else if (outcome.evaluation() instanceof Evaluation.Failed failed) {
                    failed(record, webhook, prepared, failed.failure(), outcome.attempts(), now);
                }
            } catch (RuntimeException e) {
                // A fault in making one webhook's jobs must not stop the others or the stream.
                try (var ignored = DeliveryMdc.of(webhook.id(), null, event.id())) {
                    LOG.error("Webhook {} failed on event {}", webhook.id(), event.id(), e);
                }
                failed(record, webhook, prepared, RenderFailure.internal(e), 1, now);
            }
        }
        for (String subscription : forwarding.ended(event)) {
            context.forward(new Record<>(utf8(subscription),
                    (MatcherOutput) new MatcherOutput.Unsubscribe(subscription), record.timestamp(),
                    new RecordHeaders()));
        }
        span.setAttribute("hookline.jobs", jobs - jobsBefore);
    }

    /** When this event's consumer fetched it, else now (both come after it was produced). */
    private long fetchedAt() {
        var meta = context.recordMetadata().orElse(null);
        OptionalLong polled = meta == null ? OptionalLong.empty()
                : PollTimes.polledAt(meta.topic(), meta.partition(), meta.offset());
        return polled.isPresent() ? polled.getAsLong() : System.nanoTime();
    }

    private void emit(CompiledWebhook webhook, PreparedEvent prepared, RenderedRequest request, String position,
                      Instant now, Instant eventTime, long timestamp) {
        for (String url : request.urls()) {
            var job = DeliveryJobs.first(webhook.config(), prepared, request, url, position, now, eventTime);
            if (JobSize.mayExceed(job, limits.jobMaxBytes())) {
                oversized(job, now, timestamp);
                continue;
            }
            if (LOG.isDebugEnabled()) {
                try (var ignored = DeliveryMdc.of(job)) {
                    LOG.debug("Event {} matched webhook {}: delivery {}", job.eventId(), job.webhookId(),
                            job.deliveryId());
                }
            }
            context.forward(new Record<>(utf8(job.endpointKey()),
                    (MatcherOutput) new MatcherOutput.Job(job), timestamp, new RecordHeaders()));
            metrics.job();
            jobs++;
        }
    }

    private void failed(Record<byte[], byte[]> record, CompiledWebhook webhook, PreparedEvent prepared,
                        RenderFailure failure, int attempts, Instant now) {
        if (!failure.transientFailure()) {
            logFailure(webhook, prepared, failure.message(), now, record.timestamp());
            return;
        }
        String reason = TemplateError.TIMEOUT.equals(failure.error().kind()) ? RENDER_TIMEOUT : INTERNAL_ERROR;
        String detail = "webhook " + webhook.id() + " version " + webhook.version() + ", after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + failure.message();
        try (var ignored = DeliveryMdc.of(webhook.id(), null, prepared.event().id())) {
            LOG.error("Event {} goes to the dead-letter topic for webhook {}: {}", prepared.event().id(),
                    webhook.id(), detail);
        }
        metrics.renderDeadLettered(reason);
        reject(record, reason, detail, webhook.id());
    }

    private void oversized(DeliveryJob job, Instant now, long timestamp) {
        long size = Json.toBytes(job).length;
        if (!limits.exceedsRecord(size)) {
            // The estimate counts every control character as six bytes; written, the job fits after all.
            context.forward(new Record<>(utf8(job.endpointKey()),
                    (MatcherOutput) new MatcherOutput.Job(job), timestamp, new RecordHeaders()));
            metrics.job();
            jobs++;
            return;
        }
        String detail = OversizedJob.detail("the job", size, limits.jobMaxBytes());
        try (var ignored = DeliveryMdc.of(job)) {
            LOG.warn("Delivery {} of webhook {} for event {} goes to the dead-letter topic: {}", job.deliveryId(),
                    job.webhookId(), job.eventId(), detail);
        }
        metrics.oversizedJob();
        RecordHeaders headers = new RecordHeaders();
        headers.add(ERROR_HEADER, utf8(OversizedJob.REASON));
        headers.add(ERROR_DETAIL_HEADER, utf8(detail));
        context.forward(new Record<>(utf8(job.endpointKey()),
                (MatcherOutput) new MatcherOutput.Oversized(Json.toBytes(OversizedJob.deadLetter(job, detail))),
                timestamp, headers));
        context.forward(new Record<>(utf8(job.webhookId()),
                (MatcherOutput) new MatcherOutput.Failure(DeliveryRecords.oversized(job, detail, now)), timestamp,
                new RecordHeaders()));
    }

    private void logFailure(CompiledWebhook webhook, PreparedEvent prepared, String error, Instant now,
                            long timestamp) {
        metrics.templateFailure();
        try (var ignored = DeliveryMdc.of(webhook.id(), null, prepared.event().id())) {
            LOG.info("Webhook {} cannot be rendered for event {}: {}", webhook.id(), prepared.event().id(), error);
        }
        for (String url : webhook.config().endpoints()) {
            var attempt = DeliveryRecords.templateFailure(webhook.config(), prepared, url, error, now);
            context.forward(new Record<>(utf8(webhook.id()), (MatcherOutput) new MatcherOutput.Failure(attempt),
                    timestamp, new RecordHeaders()));
        }
    }

    /** The event as it came, to domain-events-dlq, with why (and for which webhook, when only one is concerned). */
    private void reject(Record<byte[], byte[]> record, String reason, String detail, String webhookId) {
        if (webhookId == null) {
            metrics.invalidEvent(reason);
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        byte[] value = record.value();
        String why = detail == null ? reason : detail;
        if (limits.exceedsRecord(EventSize.of(value, headers))) {
            // Only a record near the topic's own limit: with the reason added it would not fit any more.
            why += "; its value of " + value.length + " bytes is left out, too large to keep";
            value = null;
        }
        headers.add(ERROR_HEADER, utf8(reason));
        headers.add(ERROR_DETAIL_HEADER, utf8(why));
        if (webhookId != null) {
            headers.add(WEBHOOK_ID_HEADER, utf8(webhookId));
        }
        context.forward(new Record<>(record.key(), (MatcherOutput) new MatcherOutput.Rejected(value),
                record.timestamp(), headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
