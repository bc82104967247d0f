package io.hookline.log.cluster;

import io.hookline.log.store.LogStoreView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.function.Function;

/**
 * Answers a query about one webhook on the instance that owns the webhook's partition: here when this instance owns
 * it, otherwise by forwarding. A forwarded request is never forwarded again; if ownership moved meanwhile it
 * answers 503 and the caller retries.
 */
@Singleton
public final class WebhookRouter {

    private final StoreLocator locator;
    private final Forwarder forwarder;

    public WebhookRouter(StoreLocator locator, Forwarder forwarder) {
        this.locator = locator;
        this.forwarder = forwarder;
    }

    public HttpResponse<?> route(String webhookId, HttpRequest<?> request,
                                 Function<LogStoreView, HttpResponse<?>> answerLocally) {
        Deadline deadline = new Deadline(locator.queryWait());
        while (true) {
            Location location = locator.locateWebhook(webhookId);
            if (location.local()) {
                return answerLocally.apply(locator.localPartition(location.partition()));
            }
            if (Forwarder.isForwarded(request)) {
                throw new StoreUnavailableException("Webhook " + webhookId + " moved to another instance");
            }
            try {
                return forwarder.forward(location.host(), request);
            } catch (StoreUnavailableException e) {
                // The owner may have just stopped; the metadata catches up after the rebalance.
                if (!deadline.pause()) {
                    throw e;
                }
            }
        }
    }
}
