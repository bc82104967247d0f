package io.hookline.config.manual;

import io.hookline.config.error.ProblemException;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bounds the webhook tests of each tenant running at once ({@code hookline.webhook-test.max-concurrent-per-tenant}). */
@Singleton
public final class TestPermits {

    private final WebhookTestSettings settings;
    /** Tenants with at least one test running; an entry goes when its count drops to zero. */
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    public TestPermits(WebhookTestSettings settings) {
        this.settings = settings;
    }

    /** Takes a permit for one test of {@code tenant}, or throws a 429 problem with Retry-After. Release it once. */
    public void acquire(String tenant) {
        int max = settings.maxConcurrentPerTenant();
        boolean[] granted = {false};
        running.compute(tenant, (key, count) -> {
            int now = count == null ? 0 : count;
            granted[0] = now < max;
            return granted[0] ? now + 1 : count;
        });
        if (!granted[0]) {
            throw new ProblemException(Problem.of(HttpStatus.TOO_MANY_REQUESTS, "Tenant \"" + tenant + "\" already has "
                    + max + " webhook tests running, the most allowed (hookline.webhook-test.max-concurrent-per-tenant)"
                    + "; try again when one has answered"),
                    (int) Math.max(1, settings.retryAfter().toSeconds()), null);
        }
    }

    public void release(String tenant) {
        running.computeIfPresent(tenant, (key, count) -> count > 1 ? count - 1 : null);
    }
}
