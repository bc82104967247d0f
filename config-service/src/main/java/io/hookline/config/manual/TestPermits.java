package io.hookline.config.manual;

import io.hookline.config.error.ProblemException;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** Bounds the webhook tests of each tenant running at once ({@code hookline.webhook-test.max-concurrent-per-tenant}). */
@Singleton
public final class TestPermits {

    private final WebhookTestSettings settings;
    /** One semaphore per tenant that ever tested: as many as tenants, a few bytes each. */
    private final Map<String, Semaphore> tenants = new ConcurrentHashMap<>();

    public TestPermits(WebhookTestSettings settings) {
        this.settings = settings;
    }

    /** Takes a permit for one test of {@code tenant}, or throws a 429 problem with Retry-After. Release it once. */
    public void acquire(String tenant) {
        if (!permitsOf(tenant).tryAcquire()) {
            throw new ProblemException(Problem.of(HttpStatus.TOO_MANY_REQUESTS, "Tenant \"" + tenant + "\" already has "
                    + settings.maxConcurrentPerTenant() + " webhook tests running, the most allowed "
                    + "(hookline.webhook-test.max-concurrent-per-tenant); try again when one has answered"),
                    (int) Math.max(1, settings.retryAfter().toSeconds()), null);
        }
    }

    public void release(String tenant) {
        permitsOf(tenant).release();
    }

    private Semaphore permitsOf(String tenant) {
        return tenants.computeIfAbsent(tenant, key -> new Semaphore(settings.maxConcurrentPerTenant()));
    }
}
