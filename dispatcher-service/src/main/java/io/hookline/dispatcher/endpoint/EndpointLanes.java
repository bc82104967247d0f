package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.delivery.AttemptRunner;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.service.webhook.WebhookDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes each job to its endpoint's lane; a lane is made on the endpoint's first job. */
@Singleton
public class EndpointLanes implements AutoCloseable {

    /** Threads that start requests; name resolution happens on them, so one slow DNS answer holds only one. */
    private static final int SEND_THREADS = 16;
    /** A retry this late is probably owned by another instance now; it stops holding back its subject. */
    private static final Duration STALE_HOLD = Duration.ofMinutes(5);

    private final Map<String, EndpointLane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService sendExecutor;
    private final LaneContext context;

    public EndpointLanes(AttemptRunner runner, JobDeferrer deferrer, EndpointCircuits circuits,
                         WebhookDirectory webhooks, DispatcherSettings settings, DispatcherMetrics metrics,
                         @Named("dispatcher-timer") ScheduledExecutorService timer) {
        AtomicInteger threads = new AtomicInteger();
        this.sendExecutor = Executors.newFixedThreadPool(SEND_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "dispatcher-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.context = new LaneContext(runner, deferrer, circuits, sendExecutor, timer,
                webhookId -> webhooks.find(webhookId).map(WebhookConfig::rateLimitPerSecond).orElse(null),
                settings.maxInFlightPerEndpoint(), settings.maxQueuedPerEndpoint(), settings.deferDelay(),
                STALE_HOLD);
        metrics.inFlight("requests.in.flight", this::inFlight);
        metrics.inFlight("jobs.queued", this::queued);
    }

    public void submit(DeliveryJob job, Runnable done) {
        lanes.computeIfAbsent(EndpointKey.of(job.webhookId(), job.url()),
                key -> new EndpointLane(job.webhookId(), job.url(), context)).submit(job, done);
    }

    public int inFlight() {
        return lanes.values().stream().mapToInt(EndpointLane::inFlight).sum();
    }

    public int queued() {
        return lanes.values().stream().mapToInt(EndpointLane::queued).sum();
    }

    @PreDestroy
    @Override
    public void close() {
        sendExecutor.shutdownNow();
    }
}
