package io.hookline.dispatcher.failing;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.size.Utf8Cap;
import io.hookline.contracts.webhook.FailingWindow;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.delivery.OperationalEvents;
import io.hookline.dispatcher.delivery.WebhookDisabler;
import io.hookline.dispatcher.http.HttpOutcome;
import io.hookline.dispatcher.notify.FailureMailer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code disable_after_failing}: a webhook all of whose attempts failed for that long is disabled, like one whose
 * endpoint answered 410: through the config writer's compare-and-set, then {@code hookline.endpoint.disabled} and the
 * failure mail. Every attempt made for the endpoint counts: any status but 2xx, a timeout, a refused connection, a
 * target the SSRF guard refuses. One whose request could not even be built (a secret that does not decrypt: the
 * operator's key, not the endpoint) does not. The clock ({@link FailingStreaks}) is per webhook and shared by every instance, and
 * it restarts on a success or on any change to the webhook (so enabling it again gives a whole new window). The
 * disable is written only if the webhook is still the version whose attempt failed: a change made meanwhile
 * restarted the clock. Jobs still pending for the webhook then end as "webhook disabled" when they come up, at a
 * version at least as new as theirs.
 *
 * <p>Nothing here ever fails the attempt: the attempt is recorded and retried as usual whatever happens to the
 * streak or the disable, and a disable that could not be written is tried again at the next failed attempt.
 */
@Singleton
public class PersistentFailures {

    private static final Logger LOG = LoggerFactory.getLogger(PersistentFailures.class);
    private static final int GONE = 410;

    private final FailingStreaks streaks;
    private final WebhookDisabler disabler;
    private final OperationalEvents events;
    private final FailureMailer mailer;

    public PersistentFailures(FailingStreaks streaks, WebhookDisabler disabler, OperationalEvents events,
                              FailureMailer mailer) {
        this.streaks = streaks;
        this.disabler = disabler;
        this.events = events;
        this.mailer = mailer;
    }

    /** Completes once the streak and any disable are written (or could not be). */
    public CompletableFuture<Void> observe(DeliveryJob job, WebhookConfig webhook, boolean sent, HttpOutcome http,
                                           Instant now) {
        Optional<Duration> window = FailingWindow.parse(webhook.disableAfterFailing());
        if (!sent || window.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> observed;
        if (http.isSuccess()) {
            observed = streaks.succeeded(webhook.id(), now).thenApply(streak -> null);
        } else {
            observed = streaks.failed(webhook.id(), now).thenCompose(streak ->
                    // A 410 disables the webhook on its own path, with its own reason.
                    isGone(http) || !streak.hasLasted(window.get(), webhook.updatedAt(), now)
                            ? CompletableFuture.<Void>completedFuture(null)
                            : disable(job, webhook, streak, http, now));
        }
        return observed.exceptionally(error -> {
            LOG.warn("Cannot track or act on the failures of webhook {}; the next attempt tries again",
                    webhook.id(), error);
            return null;
        });
    }

    private CompletableFuture<Void> disable(DeliveryJob job, WebhookConfig webhook, FailingStreak streak,
                                            HttpOutcome http, Instant now) {
        Instant since = streak.clockStart(webhook.updatedAt()).orElse(now);
        String reason = "every attempt failed since " + since + ", for at least disable_after_failing "
                + webhook.disableAfterFailing() + "; last error: " + Utf8Cap.cap(http.statusCode() == null ? http.error()
                : "HTTP " + http.statusCode(), SizeLimits.ERROR_MAX_BYTES);
        return disabler.disable(webhook.id(), current -> whyNot(current, webhook), "every attempt failed for "
                + webhook.disableAfterFailing(), reason, now)
                .thenCompose(disabled -> disabled
                        .map(written -> announce(job, written, reason, since))
                        .orElseGet(() -> CompletableFuture.completedFuture(null)));
    }

    private CompletableFuture<Void> announce(DeliveryJob job, WebhookConfig webhook, String reason, Instant since) {
        LOG.warn("Webhook {} disabled: {}", webhook.id(), reason);
        mailer.notifyFailure(webhook, "webhook " + webhook.name() + " disabled",
                "Webhook " + webhook.name() + " (" + webhook.id() + ") was disabled: " + reason
                        + ".\nEnable it again once its endpoint works.");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhook_id", webhook.id());
        data.put("url", job.url());
        data.put("delivery_id", job.deliveryId());
        data.put("event_id", job.eventId());
        data.put("event_type", job.eventType());
        data.put("attempts", job.attempt());
        // log-service reads "reason" first and takes any "410" in it for Gone: this one carries no numbers.
        data.put("reason", "every attempt failed for the webhook's disable_after_failing window");
        data.put("error", reason);
        data.put("failing_since", since.toString());
        data.put("disable_after_failing", webhook.disableAfterFailing());
        return events.emit(OperationalEvents.ENDPOINT_DISABLED, webhook.id(), webhook.tenant(), data);
    }

    private static Optional<String> whyNot(Optional<WebhookConfig> current, WebhookConfig failing) {
        if (current.isEmpty()) {
            return Optional.of("it was deleted");
        }
        if (!current.get().isWebhookEnabled()) {
            return Optional.of("it is already disabled");
        }
        if (current.get().version() != failing.version()) {
            return Optional.of("it was changed since (version " + current.get().version()
                    + "), which restarts the clock");
        }
        return Optional.empty();
    }

    private static boolean isGone(HttpOutcome http) {
        return http.statusCode() != null && http.statusCode() == GONE;
    }
}
