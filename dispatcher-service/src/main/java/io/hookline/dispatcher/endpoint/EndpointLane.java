package io.hookline.dispatcher.endpoint;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.dispatcher.delivery.AttemptPostponed;
import io.hookline.dispatcher.delivery.AttemptResult;
import io.hookline.dispatcher.order.SubjectOrder;
import io.hookline.service.logging.DeliveryMdc;
import io.hookline.service.logging.LoggedUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of one endpoint: at most N requests in flight, a token bucket for its rate limit, its circuit breaker and
 * its subject order. Jobs that cannot go yet wait here (a queue bounded by how fast the lane drains) or are put aside
 * on a retry topic until the lane should have room for them; nothing in here ever blocks a thread, so other
 * endpoints are never held up by this one.
 */
final class EndpointLane {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointLane.class);
    /** How long a full lane may keep its partition waiting for a place. */
    static final long BRIEF_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** One request to the endpoint; it holds a place among the endpoint's concurrent requests until answered. */
    private static final class Request {

        private long startedNanos;
        private boolean outstanding = true;
    }

    private record Queued(DeliveryJob job, JobLease lease) {

        boolean revoked() {
            return lease.revoked();
        }
    }

    private final String webhookId;
    private final String url;
    private final LaneContext context;
    private final CircuitBreaker circuit;
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final SubjectOrder order;
    private int inFlight;
    /** Jobs taken and not yet done (their outcome or deferral not yet written). */
    private int unfinished;
    private long lastActiveNanos;
    private boolean retired;
    private boolean draining;
    private boolean drainAgain;
    private Bucket bucket;
    private Integer bucketRate;
    private boolean drainScheduled;
    private final DrainRate drainRate = new DrainRate();
    private final AsideSlots asideSlots;

    EndpointLane(String webhookId, String url, LaneContext context) {
        this.webhookId = webhookId;
        this.url = url;
        this.context = context;
        this.circuit = context.circuits().forEndpoint(webhookId, url);
        this.order = new SubjectOrder(context.holds()::heldBefore);
        this.lastActiveNanos = context.scheduler().nanoTime();
        this.asideSlots = new AsideSlots(context.asideHorizon().toNanos(), lastActiveNanos);
    }

    /**
     * Takes a job; its lease is told once its outcome (or its deferral) is safely written. False when this lane was
     * retired for idleness: the caller makes a new one.
     */
    synchronized boolean submit(DeliveryJob job, JobLease lease) {
        if (retired) {
            return false;
        }
        unfinished++;
        take(new Queued(job, lease));
        return true;
    }

    /**
     * Full, and answering fast enough that a place frees within {@link #BRIEF_WAIT_NANOS}: a job for it waits better
     * where it is than on a retry topic. A lane that stalled or fails is never that, so its jobs still go aside and
     * the partitions it shares stay open to the other endpoints.
     */
    boolean fullButDraining() {
        return drainingWith(1.0);
    }

    /**
     * Still fast and holding at least {@code share} of what it may queue. A partition resting for this lane reads
     * again once it holds less than half: one fetch then brings many jobs it takes, not one.
     */
    synchronized boolean drainingWith(double share) {
        if (retired || circuit.getState() != CircuitBreaker.State.CLOSED) {
            return false;
        }
        long now = context.scheduler().nanoTime();
        double perSecond = perSecond();
        return queue.size() >= share * queueLimit(perSecond) && !drainRate.stalled(inFlight, now)
                && perSecond * BRIEF_WAIT_NANOS >= TimeUnit.SECONDS.toNanos(1);
    }

    /** Forgets the waiting jobs of partitions this instance lost: their new owner sends them. */
    synchronized int dropRevoked() {
        int dropped = 0;
        for (Iterator<Queued> waiting = queue.iterator(); waiting.hasNext(); ) {
            Queued next = waiting.next();
            if (next.revoked()) {
                waiting.remove();
                unfinished--;
                dropped++;
            }
        }
        return dropped;
    }

    /** Retires the lane when nothing happened in it since {@code idleSince}; a retired lane takes no more jobs. */
    synchronized boolean retireIfIdleSince(long idleSinceNanos) {
        // Queued, in-flight and busy jobs are all unfinished: no job left means nothing else is either.
        if (unfinished == 0 && lastActiveNanos - idleSinceNanos < 0) {
            retired = true;
        }
        return retired;
    }

    private void take(Queued queued) {
        lastActiveNanos = context.scheduler().nanoTime();
        if (queued.revoked()) {
            unfinished--;
            return;
        }
        double perSecond = perSecond();
        int limit = queueLimit(perSecond);
        putAsideBeyond(limit, perSecond);
        if (queue.size() >= limit) {
            // Back when the queue should be half gone: the lane never runs dry while its jobs wait outside.
            long wait = asideSlots.waitNanos(queue.size() - limit / 2, perSecond, lastActiveNanos);
            defer(queued, context.scheduler().now().plusNanos(wait));
            return;
        }
        queue.add(queued);
        drain();
    }

    /** How fast this lane gets through jobs now: its concurrency over its latency, within its rate limit. */
    private double perSecond() {
        double perSecond = drainRate.perSecond(context.maxInFlight(), inFlight, context.scheduler().nanoTime());
        Integer rate = context.rateLimit(webhookId);
        return rate == null || rate <= 0 ? perSecond : Math.min(perSecond, rate);
    }

    /**
     * What drains within a second may wait in memory, between the configured queue and the lane's backlog share. A
     * lane whose endpoint stopped answering keeps no more than its concurrency: jobs waiting in memory count against
     * the dispatcher's whole budget, and hanging endpoints must not spend it while the others' jobs wait in Kafka.
     */
    private int queueLimit(double perSecond) {
        int inASecond = (int) Math.min(Integer.MAX_VALUE, perSecond);
        int floor = drainRate.stalled(inFlight, context.scheduler().nanoTime()) ? context.maxInFlight()
                : context.maxQueued();
        return Math.max(floor, Math.min(context.maxBacklog(), inASecond));
    }

    /**
     * Jobs queued while the lane still looked fast go aside, the latest first, once it holds more than it may now.
     * Not for ordered endpoints: the earlier jobs of a subject must stay ahead of the later ones.
     */
    private void putAsideBeyond(int limit, double perSecond) {
        while (queue.size() > limit && !isOrdered(queue.peekLast().job())) {
            Queued last = queue.pollLast();
            long wait = asideSlots.waitNanos(queue.size() - limit / 2, perSecond, lastActiveNanos);
            defer(last, context.scheduler().now().plusNanos(wait));
        }
    }

    String url() {
        return url;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int queued() {
        return queue.size();
    }

    private void drain() {
        // A write that completes at once can settle a job, and so drain, from inside this loop: run it again instead.
        if (draining) {
            drainAgain = true;
            return;
        }
        draining = true;
        try {
            do {
                drainAgain = false;
                drainOnce();
            } while (drainAgain);
        } finally {
            draining = false;
        }
    }

    private void drainOnce() {
        Instant now = context.scheduler().now();
        Iterator<Queued> waiting = queue.iterator();
        while (waiting.hasNext() && inFlight < context.maxInFlight()) {
            Queued next = waiting.next();
            if (next.revoked()) {
                waiting.remove();
                unfinished--;
                continue;
            }
            if (isOrdered(next.job())) {
                SubjectOrder.Gate gate = order.gate(next.job(), now);
                if (gate instanceof SubjectOrder.Wait) {
                    continue;
                }
                if (gate instanceof SubjectOrder.WaitUntil until) {
                    waiting.remove();
                    // Never sooner than the defer delay: an overdue hold must not spin the job through Kafka.
                    Instant soonest = now.plus(context.deferDelay());
                    defer(next, until.dueAt().isAfter(soonest) ? until.dueAt() : soonest);
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
        if (inFlight == 0) {
            drainRate.started(context.scheduler().nanoTime());
        }
        inFlight++;
        if (isOrdered(queued.job())) {
            order.busy(queued.job());
        }
        Request request = new Request();
        try {
            context.sendExecutor().execute(() -> {
                request.startedNanos = context.scheduler().nanoTime();
                try {
                    context.attempts().attempt(queued.job(), () -> answered(request))
                            .whenComplete((result, error) -> finish(queued, request, result, error,
                                    context.scheduler().nanoTime() - request.startedNanos));
                } catch (RuntimeException e) {
                    finish(queued, request, null, e, context.scheduler().nanoTime() - request.startedNanos);
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the job stays unfinished and its offset uncommitted, so the next owner sends it.
            inFlight--;
            circuit.releasePermission();
            if (isOrdered(queued.job())) {
                order.settled(queued.job());
            }
            try (var ignored = DeliveryMdc.of(queued.job())) {
                LOG.info("Not sending delivery {}: the dispatcher is stopping", queued.job().deliveryId());
            }
        }
    }

    /**
     * The endpoint is done with the request: its place goes to the next job while the outcome is being written, so
     * the endpoint's concurrency is spent on requests, not on waits for Kafka.
     */
    private void answered(Request request) {
        synchronized (this) {
            if (!release(request)) {
                return;
            }
        }
        // Not on the HTTP client's I/O thread: a drain may write a deferral, and a write may wait for metadata.
        try {
            context.sendExecutor().execute(() -> {
                synchronized (this) {
                    drain();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.info("Not sending more to {}: the dispatcher is stopping", LoggedUrl.origin(url));
        }
    }

    private boolean release(Request request) {
        if (!request.outstanding) {
            return false;
        }
        request.outstanding = false;
        inFlight--;
        lastActiveNanos = context.scheduler().nanoTime();
        drainRate.finished(lastActiveNanos - request.startedNanos, lastActiveNanos);
        return true;
    }

    private void finish(Queued queued, Request request, AttemptResult result, Throwable error, long elapsedNanos) {
        synchronized (this) {
            release(request);
            lastActiveNanos = context.scheduler().nanoTime();
            if (result == null || !result.requestSent()) {
                circuit.releasePermission();
            } else if (result.endpointFault()) {
                circuit.onError(elapsedNanos, TimeUnit.NANOSECONDS, new EndpointFailure());
            } else {
                circuit.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
            }
        }
        if (error != null && queued.revoked()) {
            abandon(queued);
            return;
        }
        if (error != null) {
            // The outcome is not safely written: run the job again later (a duplicate at worst, never a loss). Its
            // subject stays busy meanwhile, so the subject's next event cannot overtake it.
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            // The URL stays out of the line: some carry their credential in the path (Slack, Teams).
            try (var ignored = DeliveryMdc.of(queued.job())) {
                if (cause instanceof AttemptPostponed postponed) {
                    LOG.info("Delivery {} waits: {}", queued.job().deliveryId(), postponed.getMessage());
                } else {
                    LOG.error("Attempt of delivery {} could not be recorded; it runs again",
                            queued.job().deliveryId(), error);
                }
            }
            runAgainLater(queued);
            return;
        }
        settleOrder(queued, result).whenComplete((ignored, writeError) -> {
            if (writeError == null) {
                settle(queued.job());
                done(queued);
            } else {
                gaveUp(queued, writeError);
            }
        });
    }

    /** Writes where an ordered job now stands for its subject: held until its retry, or released. */
    private CompletableFuture<Void> settleOrder(Queued queued, AttemptResult result) {
        DeliveryJob job = queued.job();
        if (!isOrdered(job)) {
            return CompletableFuture.completedFuture(null);
        }
        if (result.outcome() == Outcome.RETRYING) {
            return untilWritten(queued, () -> context.holds().hold(job, result.nextAttemptAt()),
                    "the hold of delivery " + job.deliveryId());
        }
        // A hold left behind would keep the subject's later jobs aside until it expires.
        return untilWritten(queued, () -> context.holds().release(job),
                "the release of delivery " + job.deliveryId());
    }

    private void settle(DeliveryJob job) {
        synchronized (this) {
            if (isOrdered(job)) {
                order.settled(job);
            }
            drain();
        }
    }

    /** A job whose partition went elsewhere, or a dispatcher that stops: the job stays unfinished, uncommitted. */
    private void gaveUp(Queued queued, Throwable error) {
        if (queued.revoked()) {
            abandon(queued);
        } else {
            try (var ignored = DeliveryMdc.of(queued.job())) {
                LOG.info("Delivery {} stays unfinished: {}", queued.job().deliveryId(), error.toString());
            }
        }
    }

    /** Lets go of a job whose partition went to another instance; its subject is no longer busy here. */
    private synchronized void abandon(Queued queued) {
        try (var ignored = DeliveryMdc.of(queued.job())) {
            LOG.info("Delivery {} is left to the new owner of its partition", queued.job().deliveryId());
        }
        if (isOrdered(queued.job())) {
            order.settled(queued.job());
        }
        unfinished--;
        drain();
    }

    private void done(Queued queued) {
        queued.lease().finished();
        synchronized (this) {
            unfinished--;
            lastActiveNanos = context.scheduler().nanoTime();
        }
    }

    /** Puts a job aside until {@code dueAt}; an ordered one keeps its subject busy until its hold is written. */
    private void defer(Queued queued, Instant dueAt) {
        DeliveryJob job = queued.job();
        if (queued.revoked()) {
            unfinished--;
            return;
        }
        CompletableFuture<Void> held = CompletableFuture.completedFuture(null);
        if (isOrdered(job)) {
            order.busy(job);
            held = untilWritten(queued, () -> context.holds().hold(job, dueAt),
                    "the hold of delivery " + job.deliveryId());
        }
        Instant now = context.scheduler().now();
        CompletableFuture<Void> deferred = untilWritten(queued, () -> context.deferrals().defer(job, dueAt, now),
                "the deferral of delivery " + job.deliveryId());
        CompletableFuture.allOf(held, deferred).whenComplete((ignored, error) -> {
            if (error == null) {
                settle(job);
                done(queued);
            } else {
                gaveUp(queued, error);
            }
        });
    }

    private CompletableFuture<Void> untilWritten(Queued queued, Supplier<CompletableFuture<Void>> write,
                                                 String what) {
        return context.writes().write(write, queued::revoked, what);
    }

    /** Takes the job up again after the defer delay, first in line; its subject stays busy until then. */
    private void runAgainLater(Queued queued) {
        try {
            context.scheduler().schedule(() -> {
                synchronized (this) {
                    if (queued.revoked()) {
                        abandon(queued);
                        return;
                    }
                    if (isOrdered(queued.job())) {
                        order.settled(queued.job());
                    }
                    queue.addFirst(queued);
                    drain();
                }
            }, context.deferDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            try (var ignored = DeliveryMdc.of(queued.job())) {
                LOG.info("Not retrying delivery {}: the dispatcher is stopping", queued.job().deliveryId());
            }
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
                    .withCustomTimePrecision(new LaneTimeMeter(context.scheduler()))
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
            context.scheduler().schedule(() -> {
                synchronized (this) {
                    drainScheduled = false;
                    drain();
                }
            }, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info("Not scheduling endpoint {}: the dispatcher is stopping", LoggedUrl.origin(url));
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
