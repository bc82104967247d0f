package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.delivery.AttemptRunner;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.dispatcher.order.SubjectHolds;
import io.hookline.service.webhook.WebhookDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each job to its endpoint's lane. A lane is made on the endpoint's first job and dropped, with its closed
 * circuit, once it has been idle for a while, so endpoints that are gone do not keep memory and metrics forever.
 */
@Singleton
public class EndpointLanes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointLanes.class);
    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofMinutes(1);
    /** Past this a slot estimate is a guess: a job put aside further out is looked at again then. */
    private static final Duration ASIDE_HORIZON = Duration.ofMinutes(1);

    private final Map<String, EndpointLane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService sendExecutor;
    private final LaneContext context;
    private final EndpointCircuits circuits;
    private final SubjectHolds holds;
    private final Duration idleLaneTimeout;

    public EndpointLanes(AttemptRunner runner, JobDeferrer deferrer, EndpointCircuits circuits,
                         WebhookDirectory webhooks, SubjectHolds holds, DispatcherSettings settings,
                         DispatcherMetrics metrics, @Named("dispatcher-timer") ScheduledExecutorService timer,
                         @Named(SendThreads.NAME) ExecutorService sendExecutor) {
        this.circuits = circuits;
        this.holds = holds;
        this.idleLaneTimeout = settings.idleLaneTimeout();
        this.sendExecutor = sendExecutor;
        this.context = new LaneContext(runner::attempt, deferrer, circuits, sendExecutor, new SystemScheduler(timer),
                webhookId -> webhooks.find(webhookId).map(WebhookConfig::rateLimitPerSecond).orElse(null),
                settings.maxInFlightPerEndpoint(), settings.maxQueuedPerEndpoint(), backlogOf(settings), ASIDE_HORIZON,
                settings.deferDelay(), holds);
        metrics.inFlight("requests.in.flight", this::inFlight);
        metrics.inFlight("jobs.queued", this::queued);
        metrics.inFlight("endpoints.active", lanes::size);
        long sweepMillis = Math.max(10, Math.min(LONGEST_SWEEP_INTERVAL.toMillis(), idleLaneTimeout.toMillis() / 2));
        timer.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * A lane that drains fast may hold half the jobs the dispatcher takes before it pauses: a burst then waits in
     * memory, and whatever one endpoint holds, the others still have the other half.
     */
    private static int backlogOf(DispatcherSettings settings) {
        return Math.max(settings.maxQueuedPerEndpoint(), settings.maxInFlight() / 2);
    }

    public void submit(DeliveryJob job, JobLease lease) {
        String key = job.endpointKey();
        while (true) {
            EndpointLane lane = lanes.computeIfAbsent(key, created -> new EndpointLane(job.webhookId(), job.endpointUrl(),
                    context));
            if (lane.submit(job, lease)) {
                return;
            }
            // Retired for idleness between lookup and submit: drop it, if the sweep has not yet, and make a new one.
            lanes.remove(key, lane);
        }
    }

    /**
     * Whether the endpoint's lane would put a job aside now although it frees a place within moments: the job is
     * better left in Kafka for that long.
     */
    public boolean fullButDraining(String endpointKey) {
        EndpointLane lane = endpointKey == null ? null : lanes.get(endpointKey);
        return lane != null && lane.fullButDraining();
    }

    /** Whether a partition resting for this endpoint's lane should rest on: the lane is fast and still half full. */
    public boolean halfFullAndDraining(String endpointKey) {
        EndpointLane lane = lanes.get(endpointKey);
        return lane != null && lane.drainingWith(0.5);
    }

    /** Forgets every waiting job whose partition this instance lost; jobs in flight finish, but go no further. */
    public int dropRevoked() {
        return lanes.values().stream().mapToInt(EndpointLane::dropRevoked).sum();
    }

    /** Drops lanes idle for longer than the idle timeout, and holds long past any use. */
    void sweep() {
        try {
            long idleSince = context.scheduler().nanoTime() - idleLaneTimeout.toNanos();
            lanes.forEach((key, lane) -> {
                if (lane.retireIfIdleSince(idleSince) && lanes.remove(key, lane)) {
                    circuits.forgetIfClosed(EndpointKey.webhookId(key), lane.url());
                }
            });
            holds.sweep(java.time.Instant.now());
        } catch (RuntimeException e) {
            LOG.error("Sweeping idle endpoints failed", e);
        }
    }

    public int endpoints() {
        return lanes.size();
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
