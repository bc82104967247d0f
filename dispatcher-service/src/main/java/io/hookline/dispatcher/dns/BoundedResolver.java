package io.hookline.dispatcher.dns;

import io.hookline.dispatcher.config.DnsSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Name resolution off the sending threads. Hosts are looked up on a small pool of their own, one lookup per host at a
 * time however many deliveries wait for it, and each delivery waits at most the timeout: a tenant's hosts on a DNS
 * server that hangs hold lookup threads, never the threads or the I/O reactor that send to other endpoints.
 *
 * <p>The answer is the SSRF guard's checked one. It is kept for the cache TTL and the HTTP client connects to it
 * ({@link #forHttpClient()}), so the connection goes to the addresses that were checked. A lookup that runs out of time
 * while an earlier answer is known falls back to that answer (serve-stale, as resolvers do under RFC 8767), so a
 * healthy endpoint keeps its deliveries when the lookup threads are busy with hanging hosts.
 */
public final class BoundedResolver implements AutoCloseable {

    /** A name lookup whose answer may be used: the SSRF guard's. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Duration STALE_LIMIT = Duration.ofDays(1);
    private static final int UNUSED_TTLS_BEFORE_FORGOTTEN = 10;

    private final Lookup lookup;
    private final ScheduledExecutorService timer;
    private final ThreadPoolExecutor threads;
    private final long timeoutNanos;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, HostAddresses> hosts = new ConcurrentHashMap<>();
    private final AtomicLong nextPurge;

    public BoundedResolver(Lookup lookup, DnsSettings settings, ScheduledExecutorService timer) {
        this(lookup, settings, timer, System::nanoTime);
    }

    BoundedResolver(Lookup lookup, DnsSettings settings, ScheduledExecutorService timer, LongSupplier nanoTime) {
        this.lookup = lookup;
        this.timer = timer;
        this.timeoutNanos = settings.timeout().toNanos();
        this.ttlNanos = settings.cacheTtl().toNanos();
        this.nanoTime = nanoTime;
        this.nextPurge = new AtomicLong(nanoTime.getAsLong() + ttlNanos);
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "dispatcher-dns-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    /**
     * The host's checked addresses. Never blocks: completes at once from the cache, else on a lookup thread, or with a
     * {@link DnsTimeoutException} on the timer once the timeout has passed without any answer to fall back to.
     */
    public CompletableFuture<InetAddress[]> lookup(String host) {
        purgeUnused();
        return hosts.computeIfAbsent(normalised(host), HostAddresses::new).lookup();
    }

    /**
     * The HTTP client's resolver, asked right after {@link #lookup}: it answers what that lookup found, and waits (at
     * most the timeout) only for a host nobody looked up before.
     */
    public DnsResolver forHttpClient() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                HostAddresses known = hosts.get(normalised(host));
                InetAddress[] addresses = known == null ? null : known.latest();
                return addresses != null ? addresses : await(host, lookup(host));
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                // Only Kerberos asks for it, and a reverse lookup here would block the caller.
                return host;
            }
        };
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private static InetAddress[] await(String host, CompletableFuture<InetAddress[]> answer)
            throws UnknownHostException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw (UnknownHostException) new UnknownHostException(host + ": " + e.getCause()).initCause(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + ": interrupted while resolving");
        }
    }

    private void purgeUnused() {
        long now = nanoTime.getAsLong();
        long due = nextPurge.get();
        if (now - due >= 0 && nextPurge.compareAndSet(due, now + ttlNanos)) {
            hosts.values().removeIf(host -> host.unusedFor(now) > ttlNanos * UNUSED_TTLS_BEFORE_FORGOTTEN);
        }
    }

    private static String normalised(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }

    private record Answer(InetAddress[] addresses, long fetchedAt) {
    }

    /** One host: its last answer and the lookup under way, if any. */
    private final class HostAddresses {

        private final String host;
        private volatile long lastUsed = nanoTime.getAsLong();
        private Answer answer;
        private CompletableFuture<Answer> running;

        HostAddresses(String host) {
            this.host = host;
        }

        CompletableFuture<InetAddress[]> lookup() {
            long now = nanoTime.getAsLong();
            lastUsed = now;
            CompletableFuture<Answer> waitFor;
            CompletableFuture<Answer> started = null;
            synchronized (this) {
                if (answer != null && now - answer.fetchedAt() < ttlNanos) {
                    return CompletableFuture.completedFuture(answer.addresses());
                }
                if (running == null) {
                    started = new CompletableFuture<>();
                    running = settledAfter(started);
                }
                waitFor = running;
            }
            if (started != null) {
                start(started);
            }
            return withTimeout(waitFor);
        }

        synchronized InetAddress[] latest() {
            return answer == null ? null : answer.addresses();
        }

        synchronized long unusedFor(long now) {
            return running == null ? now - lastUsed : 0;
        }

        /** Completes once the answer is kept: whoever waited for it then finds it cached, not the lookup running. */
        private CompletableFuture<Answer> settledAfter(CompletableFuture<Answer> lookupDone) {
            CompletableFuture<Answer> settled = new CompletableFuture<>();
            lookupDone.whenComplete((found, error) -> {
                settle(settled, found, error);
                if (found != null) {
                    settled.complete(found);
                } else {
                    settled.completeExceptionally(error);
                }
            });
            return settled;
        }

        private void start(CompletableFuture<Answer> lookupDone) {
            try {
                threads.execute(() -> {
                    try {
                        lookupDone.complete(new Answer(lookup.resolve(host), nanoTime.getAsLong()));
                    } catch (UnknownHostException | RuntimeException e) {
                        lookupDone.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                lookupDone.completeExceptionally(new UnknownHostException(host + ": the dispatcher is stopping"));
            }
        }

        private synchronized void settle(CompletableFuture<Answer> lookupDone, Answer found, Throwable error) {
            if (running == lookupDone) {
                running = null;
            }
            if (found != null) {
                answer = found;
            } else if (error instanceof UnknownHostException) {
                // The name is gone or now points somewhere forbidden: the old answer must not stand in for it.
                answer = null;
            }
        }

        private CompletableFuture<InetAddress[]> withTimeout(CompletableFuture<Answer> lookupDone) {
            CompletableFuture<InetAddress[]> result = new CompletableFuture<>();
            var deadline = timer.schedule(() -> {
                InetAddress[] stale = staleAnswer();
                if (stale != null) {
                    result.complete(stale);
                } else {
                    result.completeExceptionally(new DnsTimeoutException("no DNS answer for " + host + " within "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
                }
            }, timeoutNanos, TimeUnit.NANOSECONDS);
            lookupDone.whenComplete((found, error) -> {
                deadline.cancel(false);
                if (found != null) {
                    result.complete(found.addresses());
                } else {
                    result.completeExceptionally(error);
                }
            });
            return result;
        }

        private synchronized InetAddress[] staleAnswer() {
            boolean usable = answer != null && nanoTime.getAsLong() - answer.fetchedAt() < STALE_LIMIT.toNanos();
            return usable ? answer.addresses() : null;
        }
    }
}
