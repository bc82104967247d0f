package io.hookline.log.redelivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.webhook.WebhookDirectory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns logged attempts into fresh jobs and queues them; what cannot be re-sent is reported, not dropped. */
@Singleton
public final class Redeliveries {

    private final WebhookDirectory directory;
    private final HeaderRendering headers;
    private final JobProducer producer;
    private final Clock clock = Clock.systemUTC();

    public Redeliveries(WebhookDirectory directory, HeaderRendering headers, JobProducer producer) {
        this.directory = directory;
        this.headers = headers;
        this.producer = producer;
    }

    /**
     * Queues a redelivery of each attempt's request; each attempt should be the newest of its delivery.
     *
     * @throws NotRedeliverableException when the webhook was deleted or is disabled: nothing is queued
     */
    public Result redeliver(String webhookId, List<DeliveryAttempt> newestAttempts) {
        Optional<WebhookConfig> found = directory.find(webhookId);
        if (found.isEmpty()) {
            throw new NotRedeliverableException("webhook " + webhookId
                    + " was deleted, so its deliveries cannot be sent again (its settings and secrets are gone)");
        }
        WebhookConfig webhook = found.get();
        if (!webhook.isWebhookEnabled()) {
            throw new NotRedeliverableException("webhook " + webhookId + " is disabled"
                    + (webhook.disabledReason() == null ? "" : " (" + webhook.disabledReason() + ")")
                    + "; enable it before sending its deliveries again");
        }
        CurrentHeaders current = headers.of(webhook);
        Instant now = clock.instant();
        List<DeliveryJob> jobs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (DeliveryAttempt attempt : newestAttempts) {
            try {
                jobs.add(JobRebuilder.rebuild(attempt, webhook, current, now));
            } catch (NotRedeliverableException e) {
                skipped.add(new Skipped(attempt.deliveryId(), e.getMessage()));
            }
        }
        producer.send(jobs);
        return new Result(jobs.stream().map(DeliveryJob::deliveryId).toList(), skipped);
    }

    /** The deliveries queued again and those that could not be. */
    public record Result(List<String> deliveryIds, List<Skipped> skipped) {
    }

    public record Skipped(String deliveryId, String reason) {
    }
}
