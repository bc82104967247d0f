package io.hookline.matcher.index;

import io.hookline.rules.match.CompiledWebhook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every webhook of the installation, compiled, found by tenant and event type without a scan: per tenant, webhooks
 * with only exact event types sit in one bucket per type, and webhooks with a pattern in a list checked for every
 * event of the tenant. Written by the global-store thread, read by the stream threads.
 */
public final class WebhookIndex {

    private final Map<String, CompiledWebhook> byId = new ConcurrentHashMap<>();
    private final Map<String, TenantWebhooks> byTenant = new ConcurrentHashMap<>();

    /** The compiled webhook of this id and version, if indexed: reused instead of compiling the same config again. */
    public Optional<CompiledWebhook> get(String id, long version) {
        CompiledWebhook current = byId.get(id);
        return current != null && current.version() == version ? Optional.of(current) : Optional.empty();
    }

    public synchronized void put(CompiledWebhook webhook) {
        remove(webhook.id());
        byId.put(webhook.id(), webhook);
        byTenant.computeIfAbsent(webhook.tenant(), tenant -> new TenantWebhooks()).add(webhook);
    }

    public synchronized void remove(String id) {
        CompiledWebhook previous = byId.remove(id);
        if (previous != null) {
            TenantWebhooks tenant = byTenant.get(previous.tenant());
            if (tenant != null) {
                tenant.remove(previous);
            }
        }
    }

    public synchronized void clear() {
        byId.clear();
        byTenant.clear();
    }

    /** The webhooks of {@code tenant} that may fire on {@code eventType}; the matcher decides the rest. */
    public List<CompiledWebhook> candidates(String tenant, String eventType) {
        TenantWebhooks webhooks = byTenant.get(tenant);
        return webhooks == null ? List.of() : webhooks.candidates(eventType);
    }

    public int size() {
        return byId.size();
    }

    private static final class TenantWebhooks {
        private final Map<String, Map<String, CompiledWebhook>> byExactType = new ConcurrentHashMap<>();
        private final Map<String, CompiledWebhook> withPatterns = new ConcurrentHashMap<>();

        void add(CompiledWebhook webhook) {
            if (!webhook.eventTypes().patterns().isEmpty()) {
                withPatterns.put(webhook.id(), webhook);
                return;
            }
            for (String type : webhook.eventTypes().exactTypes()) {
                byExactType.computeIfAbsent(type, key -> new ConcurrentHashMap<>()).put(webhook.id(), webhook);
            }
        }

        void remove(CompiledWebhook webhook) {
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

        List<CompiledWebhook> candidates(String eventType) {
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
