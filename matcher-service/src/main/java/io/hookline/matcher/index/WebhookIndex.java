package io.hookline.matcher.index;

import io.hookline.rules.match.CompiledWebhook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;

/**
 * Every webhook of the installation, compiled, found by tenant and event type without a scan: per tenant, webhooks
 * with only exact event types sit in one bucket per type, and webhooks with a pattern in a list checked for every
 * event of the tenant. Written by one thread (the config view's), read by the stream threads. Replacing a webhook is
 * atomic for readers: a match sees the old version or the new one, never neither and never both.
 */
public final class WebhookIndex {

    private final Map<String, CompiledWebhook> byId = new ConcurrentHashMap<>();
    private final Map<String, TenantWebhooks> byTenant = new ConcurrentHashMap<>();

    /** The compiled webhook of this id and version, if indexed: reused instead of compiling the same config again. */
    public Optional<CompiledWebhook> get(String id, long version) {
        CompiledWebhook current = byId.get(id);
        return current != null && current.version() == version ? Optional.of(current) : Optional.empty();
    }

    /** The indexed webhook of this id, whatever its version. */
    public Optional<CompiledWebhook> current(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized void put(CompiledWebhook webhook) {
        CompiledWebhook previous = byId.put(webhook.id(), webhook);
        if (previous != null && !previous.tenant().equals(webhook.tenant())) {
            tenant(previous.tenant()).replace(previous, null);
            previous = null;
        }
        tenant(webhook.tenant()).replace(previous, webhook);
    }

    public synchronized void remove(String id) {
        CompiledWebhook previous = byId.remove(id);
        if (previous != null) {
            tenant(previous.tenant()).replace(previous, null);
        }
    }

    /** The webhooks of {@code tenant} that may fire on {@code eventType}; the matcher decides the rest. */
    public List<CompiledWebhook> candidates(String tenant, String eventType) {
        TenantWebhooks webhooks = byTenant.get(tenant);
        return webhooks == null ? List.of() : webhooks.candidates(eventType);
    }

    public int size() {
        return byId.size();
    }

    private TenantWebhooks tenant(String tenant) {
        return byTenant.computeIfAbsent(tenant, key -> new TenantWebhooks());
    }

    /**
     * One tenant's webhooks. A replacement removes the old version from its buckets and adds the new one to its own,
     * under a write lock; a reader collects optimistically and collects again under the read lock if a replacement
     * ran meanwhile. Copying the tenant's buckets on every change would also be atomic, but costs the tenant's size
     * per change, and the whole topic's square when it is loaded at start.
     */
    private static final class TenantWebhooks {
        private final StampedLock lock = new StampedLock();
        private final Map<String, Map<String, CompiledWebhook>> byExactType = new ConcurrentHashMap<>();
        private final Map<String, CompiledWebhook> withPatterns = new ConcurrentHashMap<>();

        void replace(CompiledWebhook previous, CompiledWebhook next) {
            long stamp = lock.writeLock();
            try {
                if (previous != null) {
                    remove(previous);
                }
                if (next != null) {
                    add(next);
                }
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        List<CompiledWebhook> candidates(String eventType) {
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                List<CompiledWebhook> candidates = collect(eventType);
                if (lock.validate(stamp)) {
                    return candidates;
                }
            }
            stamp = lock.readLock();
            try {
                return collect(eventType);
            } finally {
                lock.unlockRead(stamp);
            }
        }

        private void add(CompiledWebhook webhook) {
            if (!webhook.eventTypes().patterns().isEmpty()) {
                withPatterns.put(webhook.id(), webhook);
                return;
            }
            for (String type : webhook.eventTypes().exactTypes()) {
                byExactType.computeIfAbsent(type, key -> new ConcurrentHashMap<>()).put(webhook.id(), webhook);
            }
        }

        private void remove(CompiledWebhook webhook) {
            withPatterns.remove(webhook.id());
            for (String type : webhook.eventTypes().exactTypes()) {
                Map<String, CompiledWebhook> bucket = byExactType.get(type);
                if (bucket != null) {
                    bucket.remove(webhook.id());
                    if (bucket.isEmpty()) {
                        byExactType.remove(type);
                    }
                }
            }
        }

        /** Only concurrent maps are read here: an optimistic read may overlap a replacement and must not fail. */
        private List<CompiledWebhook> collect(String eventType) {
            Collection<CompiledWebhook> exact = eventType == null ? List.of()
                    : byExactType.getOrDefault(eventType, Map.of()).values();
            if (withPatterns.isEmpty()) {
                return new ArrayList<>(exact);
            }
            List<CompiledWebhook> candidates = new ArrayList<>(exact.size() + withPatterns.size());
            candidates.addAll(exact);
            for (CompiledWebhook webhook : withPatterns.values()) {
                if (webhook.eventTypes().matches(eventType)) {
                    candidates.add(webhook);
                }
            }
            return candidates;
        }
    }
}
