package io.hookline.dispatcher.request;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.signing.WebhookSigner;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.http.OutgoingRequest;
import io.hookline.dispatcher.webhook.WebhookSecrets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the request of CONTRACT.md section 7: JSON content type unless the webhook's headers set another, the
 * Hookline user agent, the configured headers, the event's {@code traceparent}/{@code tracestate}, the Authorization
 * secret, and the Standard Webhooks headers signed over exactly the body that is sent.
 */
public final class RequestBuilder {

    /** Headers that frame the message; a configured value would corrupt it, so the client alone sets them. */
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "host", "keep-alive", "upgrade", "te", "trailer", "proxy-connection", "expect");

    private final WebhookSecrets secrets;
    private final String userAgent;

    public RequestBuilder(WebhookSecrets secrets, String version) {
        this.secrets = secrets;
        this.userAgent = "Hookline/" + version;
    }

    public OutgoingRequest build(DeliveryJob job, WebhookConfig webhook, int timeoutMs, Instant now) {
        String body = job.body() == null ? "" : job.body();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", userAgent);
        job.headers().forEach((name, value) -> {
            if (!FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && value != null) {
                headers.put(name, secrets.openHeader(value));
            }
        });
        // The event's own trace context wins over a configured header of the same name: the receiver joins that trace.
        if (job.trace().isPresent()) {
            headers.put(TraceContext.TRACEPARENT, job.trace().traceparent());
            if (job.trace().tracestate() != null) {
                headers.put(TraceContext.TRACESTATE, job.trace().tracestate());
            }
        }
        secrets.authorization(webhook).ifPresent(value -> headers.put("Authorization", value));
        List<String> signing = secrets.liveSigningSecrets(webhook, now);
        if (!signing.isEmpty()) {
            headers.putAll(WebhookSigner.headers(job.deliveryId(), now, body, signing));
        } else {
            headers.put(WebhookSigner.ID_HEADER, job.deliveryId());
            headers.put(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()));
        }
        return new OutgoingRequest(job.method(), job.url(), headers, body, timeoutMs);
    }
}
