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
    private final JobProducer producer;
    private final Clock clock = Clock.systemUTC();

    public Redeliveries(WebhookDirectory directory, JobProducer producer) {
        this.directory = directory;
        this.producer = producer;
    }

    /** Queues a redelivery of each attempt's request; each attempt should be the newest of its delivery. */
    public Result redeliver(String webhookId, List<DeliveryAttempt> newestAttempts) {
        Optional<WebhookConfig> webhook = directory.find(webhookId);
        if (webhook.isEmpty()) {
            throw new NotRedeliverableException("webhook " + webhookId + " no longer exists");
        }
        Instant now = clock.instant();
        List<DeliveryJob> jobs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (DeliveryAttempt attempt : newestAttempts) {
            try {
                jobs.add(JobRebuilder.rebuild(attempt, webhook.get(), now));
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
