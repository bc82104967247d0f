package io.hookline.contracts.delivery;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.Ordering;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered request to one endpoint for one event, keyed by endpoint on the delivery topics.
 * {@link #deliveryId()} is stable for an (event, endpoint) pair, so reprocessing an event yields the same id and
 * receivers can drop duplicates by the {@code webhook-id} header. Secrets are not carried: the dispatcher reads them
 * from the current webhook config at send time, so a rotated secret applies to pending retries.
 *
 * @param position the event's place in its {@code domain-events} partition ({@code partition:offset}), which orders
 *                 events of one subject
 * @param attempt  1 for the first attempt, incremented on every retry
 * @param dueAt    when a retry may be sent; null for the first attempt
 * @param eventTime when the event happened (its CloudEvent {@code time}, else when it was written to
 *                  {@code domain-events}); null for jobs not made from {@code domain-events} (manual test and
 *                  trigger, redelivery). The end-to-end latency is measured from it.
 * @param trace    the event's trace context, sent as {@code traceparent}/{@code tracestate} with every attempt
 * @param endpointUrl the URL naming the receiving system when it is not {@link #url()}: a request-template webhook
 *                    renders a URL per event, yet all its jobs share one endpoint (its configured {@code url}) for
 *                    keys, lanes, rate limit, circuit and subject order. Null, or equal to {@code url}, for all others
 */
@JsonSerialize(using = DeliveryJobJson.Writer.class)
@JsonDeserialize(using = DeliveryJobJson.Reader.class)
public record DeliveryJob(
        String deliveryId,
        String webhookId,
        long webhookVersion,
        String tenant,
        String url,
        String method,
        Map<String, String> headers,
        String body,
        String eventId,
        String eventType,
        String eventSubject,
        String trigger,
        String eventData,
        String position,
        Ordering ordering,
        int attempt,
        int maxRetries,
        int timeoutMs,
        Instant createdAt,
        Instant dueAt,
        String lastError,
        String redeliveryOf,
        Instant eventTime,
        TraceContext trace,
        String endpointUrl) {

    /** A job whose endpoint is its {@link #url()}. */
    public DeliveryJob(String deliveryId, String webhookId, long webhookVersion, String tenant, String url,
                       String method, Map<String, String> headers, String body, String eventId, String eventType,
                       String eventSubject, String trigger, String eventData, String position, Ordering ordering,
                       int attempt, int maxRetries, int timeoutMs, Instant createdAt, Instant dueAt, String lastError,
                       String redeliveryOf, Instant eventTime, TraceContext trace) {
        this(deliveryId, webhookId, webhookVersion, tenant, url, method, headers, body, eventId, eventType,
                eventSubject, trigger, eventData, position, ordering, attempt, maxRetries, timeoutMs, createdAt, dueAt,
                lastError, redeliveryOf, eventTime, trace, null);
    }

    /** A job without an event time or a trace context. */
    public DeliveryJob(String deliveryId, String webhookId, long webhookVersion, String tenant, String url,
                       String method, Map<String, String> headers, String body, String eventId, String eventType,
                       String eventSubject, String trigger, String eventData, String position, Ordering ordering,
                       int attempt, int maxRetries, int timeoutMs, Instant createdAt, Instant dueAt, String lastError,
                       String redeliveryOf) {
        this(deliveryId, webhookId, webhookVersion, tenant, url, method, headers, body, eventId, eventType,
                eventSubject, trigger, eventData, position, ordering, attempt, maxRetries, timeoutMs, createdAt, dueAt,
                lastError, redeliveryOf, null, TraceContext.NONE);
    }

    public DeliveryJob {
        trace = TraceContext.orNone(trace);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        ordering = ordering == null ? Ordering.NONE : ordering;
        attempt = Math.max(attempt, 1);
        // One form per job, so equal jobs are equal records and an ordinary job's JSON has no endpoint_url.
        endpointUrl = Objects.equals(endpointUrl, url) ? null : endpointUrl;
    }

    /** The URL naming the job's endpoint: {@link #url()} unless the job was rendered from a request template. */
    @Override
    public String endpointUrl() {
        return endpointUrl != null ? endpointUrl : url;
    }

    /** The job's key on the delivery topics, and its endpoint's identity in the dispatcher. */
    public String endpointKey() {
        return EndpointKey.of(webhookId, endpointUrl());
    }

    public DeliveryJob nextAttempt(Instant due, String error) {
        return new DeliveryJob(deliveryId, webhookId, webhookVersion, tenant, url, method, headers, body, eventId,
                eventType, eventSubject, trigger, eventData, position, ordering, attempt + 1, maxRetries, timeoutMs,
                createdAt, due, error, redeliveryOf, eventTime, trace, endpointUrl);
    }
}
