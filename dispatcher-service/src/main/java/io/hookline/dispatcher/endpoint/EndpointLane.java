package io.hookline.dispatcher.endpoint;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.dispatcher.delivery.AttemptResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of one endpoint: at most N requests in flight, a token bucket for its rate limit, its circuit breaker and
 * its subject order. Jobs that cannot go yet wait here (a bounded queue) or are put aside on a retry topic; nothing
 * in here ever blocks a thread, so other endpoints are never held up by this one.
 */
final class EndpointLane {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointLane.class);

    private record Queued(DeliveryJob job, Runnable done) {
    }

    private final String webhookId;
    private final String url;
    private final LaneContext context;
    private final CircuitBreaker circuit;
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final SubjectOrder order;
    private int inFlight;
    private Bucket bucket;
    private Integer bucketRate;
    private boolean drainScheduled;

    EndpointLane(String webhookId, String url, LaneContext context) {
        this.webhookId = webhookId;
        this.url = url;
        this.context = context;
        this.circuit = context.circuits().forEndpoint(webhookId, url);
        this.order = new SubjectOrder(context.staleHold());
    }

    /** Takes a job; {@code done} runs once its outcome (or its deferral) is safely written. */
    synchronized void submit(DeliveryJob job, Runnable done) {
        if (queue.size() >= context.maxQueued()) {
            defer(new Queued(job, done), Instant.now().plus(context.deferDelay()));
            return;
        }
        queue.add(new Queued(job, done));
        drain();
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int queued() {
        return queue.size();
    }

    private void drain() {
        Instant now = Instant.now();
        Iterator<Queued> waiting = queue.iterator();
        while (waiting.hasNext() && inFlight < context.maxInFlight()) {
            Queued next = waiting.next();
            if (isOrdered(next.job())) {
                SubjectOrder.Gate gate = order.gate(next.job(), now);
                if (gate instanceof SubjectOrder.Wait) {
                    continue;
                }
                if (gate instanceof SubjectOrder.WaitUntil until) {
                    waiting.remove();
                    defer(next, until.dueAt());
                    continue;
                }
            }
            if (!takeToken()) {
                return;
            }
            if (!circuit.tryAcquirePermission()) {
                waiting.remove();
                defer(next, now.plus(context.circuits().openDuration()));
                continue;
            }
            waiting.remove();
            start(next);
        }
    }

    private void start(Queued queued) {
        inFlight++;
        if (isOrdered(queued.job())) {
            order.inFlight(queued.job());
        }
        try {
            context.sendExecutor().execute(() -> {
                long started = System.nanoTime();
                try {
                    context.runner().attempt(queued.job()).whenComplete((result, error) -> finish(queued, result,
                            error, System.nanoTime() - started));
                } catch (RuntimeException e) {
                    finish(queued, null, e, System.nanoTime() - started);
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the job stays unfinished and its offset uncommitted, so the next owner sends it.
            inFlight--;
            circuit.releasePermission();
            LOG.info("Not sending delivery {}: the dispatcher is stopping", queued.job().deliveryId());
        }
    }

    private void finish(Queued queued, AttemptResult result, Throwable error, long elapsedNanos) {
        synchronized (this) {
            inFlight--;
            if (result == null) {
                circuit.releasePermission();
            } else if (!result.requestSent()) {
                circuit.releasePermission();
            } else if (result.endpointFault()) {
                circuit.onError(elapsedNanos, TimeUnit.NANOSECONDS, new EndpointFailure());
            } else {
                circuit.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
            }
            if (isOrdered(queued.job())) {
                if (result != null && result.outcome() == Outcome.RETRYING) {
                    order.waiting(queued.job(), result.nextAttemptAt());
                } else if (result != null) {
                    order.done(queued.job());
                }
            }
        }
        if (error != null) {
            // The outcome is not safely written: run the job again later (a duplicate at worst, never a loss).
            LOG.error("Attempt of delivery {} to {} could not be recorded; it runs again", queued.job().deliveryId(),
                    url, error);
            retryLater(queued);
        } else {
            queued.done().run();
        }
        synchronized (this) {
            drain();
        }
    }

    private void defer(Queued queued, Instant dueAt) {
        if (isOrdered(queued.job())) {
            order.waiting(queued.job(), dueAt);
        }
        context.deferrer().defer(queued.job(), dueAt, Instant.now()).whenComplete((ignored, error) -> {
            if (error == null) {
                queued.done().run();
            } else {
                LOG.error("Cannot put delivery {} aside; it is taken up again", queued.job().deliveryId(), error);
                retryLater(queued);
            }
        });
    }

    private void retryLater(Queued queued) {
        try {
            context.timer().schedule(() -> submit(queued.job(), queued.done()),
                    context.deferDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info("Not retrying delivery {}: the dispatcher is stopping", queued.job().deliveryId());
        }
    }

    /** True when the rate limit lets one more request go now; else a drain is scheduled for when it will. */
    private boolean takeToken() {
        Integer rate = context.rateLimit(webhookId);
        if (rate == null || rate <= 0) {
            return true;
        }
        if (bucket == null || !rate.equals(bucketRate)) {
            // Capacity 1 spreads requests evenly: no burst ever exceeds the rate within a second.
            bucket = Bucket.builder().addLimit(limit -> limit.capacity(1).refillGreedy(rate, Duration.ofSeconds(1)))
                    .build();
            bucketRate = rate;
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        scheduleDrain(probe.getNanosToWaitForRefill());
        return false;
    }

    private void scheduleDrain(long nanos) {
        if (drainScheduled) {
            return;
        }
        drainScheduled = true;
        try {
            context.timer().schedule(() -> {
                synchronized (this) {
                    drainScheduled = false;
                    drain();
                }
            }, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info("Not scheduling endpoint {}: the dispatcher is stopping", url);
        }
    }

    private static boolean isOrdered(DeliveryJob job) {
        return job.ordering() == Ordering.SUBJECT && job.eventSubject() != null;
    }

    /** Marks a failed call for the circuit breaker; the details are in the attempt log. */
    private static final class EndpointFailure extends RuntimeException {
        EndpointFailure() {
            super("endpoint failed", null, false, false);
        }
    }
}
