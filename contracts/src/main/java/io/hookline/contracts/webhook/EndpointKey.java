package io.hookline.contracts.webhook;

/**
 * The key of every delivery topic: one webhook's one endpoint, named by a URL: the job's own URL, or for a webhook
 * with a request template (which renders a URL per event) its configured {@code url}, see
 * {@link io.hookline.contracts.delivery.DeliveryJob#endpointKey()}. Each endpoint is its own unit of ordering,
 * retries, concurrency, rate limit and circuit breaker, so a job's partition follows its endpoint and not its event.
 */
public final class EndpointKey {

    private static final char SEPARATOR = ' ';

    private EndpointKey() {
    }

    public static String of(String webhookId, String url) {
        return webhookId + SEPARATOR + url;
    }

    public static String webhookId(String endpointKey) {
        int separator = endpointKey.indexOf(SEPARATOR);
        return separator < 0 ? endpointKey : endpointKey.substring(0, separator);
    }
}
