package io.hookline.config.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.store.WebhookStore;
import io.hookline.config.subscription.Subscriptions;
import io.hookline.config.validation.FieldErrors;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.DeliveryJobs;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.RenderedRequest;
import io.hookline.rules.match.RequestRenderException;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers one event to one stored webhook now, skipping its event types and filters (a manual webhook): renders the
 * request and queues one job per endpoint for the dispatcher, as the matcher would. An {@code after_forwarding}
 * webhook is subscribed to the event's subject first ({@link Subscriptions}), so the subject's later events follow.
 */
@Singleton
public final class WebhookTrigger {

    private final WebhookStore store;
    private final WebhookCompiler compiler;
    private final RequestRenderer renderer;
    private final DeliveryJobPublisher publisher;
    private final Subscriptions subscriptions;
    private final EventReader events = new EventReader();
    private final Clock clock = Clock.systemUTC();

    public WebhookTrigger(WebhookStore store, WebhookCompiler compiler, RequestRenderer renderer,
                          DeliveryJobPublisher publisher, Subscriptions subscriptions) {
        this.store = store;
        this.compiler = compiler;
        this.renderer = renderer;
        this.publisher = publisher;
        this.subscriptions = subscriptions;
    }

    /** The queued jobs; 404 for another tenant's webhook, 409 when disabled, 400 for a bad event, 422 on a template. */
    public List<DeliveryJob> trigger(String tenant, String webhookId, JsonNode body) {
        WebhookConfig webhook = store.get(tenant, webhookId);
        FieldErrors errors = new FieldErrors();
        DomainEvent event = events.read(body, tenant, "", errors);
        errors.throwIfAny();
        return deliver(webhook, event);
    }

    List<DeliveryJob> deliver(WebhookConfig webhook, DomainEvent event) {
        List<DeliveryJob> jobs = jobs(webhook, event);
        subscriptions.subscribe(webhook, event);
        publish(jobs);
        return jobs;
    }

    /** The jobs that deliver {@code event} to {@code webhook}, one per endpoint, not queued yet. */
    List<DeliveryJob> jobs(WebhookConfig webhook, DomainEvent event) {
        if (!webhook.isWebhookEnabled()) {
            throw ProblemException.conflict("Webhook " + webhook.id() + " is disabled"
                    + (webhook.disabledReason() == null ? "" : " (" + webhook.disabledReason() + ")")
                    + "; enable it to send events to it");
        }
        PreparedEvent prepared = PreparedEvent.of(event);
        RenderedRequest request;
        try {
            request = renderer.render(compiler.compile(webhook), prepared);
        } catch (RequestRenderException e) {
            throw new ProblemException(Problem.of(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The webhook's request cannot be rendered for this event: " + e.getMessage()));
        }
        List<DeliveryJob> jobs = new ArrayList<>();
        for (String url : request.urls()) {
            jobs.add(DeliveryJobs.first(webhook, prepared, request, url, null, clock.instant()));
        }
        return jobs;
    }

    void publish(List<DeliveryJob> jobs) {
        publisher.publish(jobs);
    }
}
