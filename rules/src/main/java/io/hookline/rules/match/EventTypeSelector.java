package io.hookline.rules.match;

import io.hookline.contracts.event.OperationalTypes;
import io.hookline.contracts.webhook.WebhookConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types one webhook fires on: those of its {@code trigger_type} plus its {@code event_types} (exact types
 * and patterns). A webhook with neither fires on no event automatically (a manual webhook: only
 * {@code POST /webhooks/{id}/trigger} sends to it). Hookline's operational events ({@code hookline.*}) are selected
 * only by an entry that starts with {@code hookline.} ({@link OperationalTypes}): a catch-all such as {@code *} does
 * not select them.
 */
public record EventTypeSelector(Set<String> exactTypes, List<EventTypePattern> patterns) {

    public EventTypeSelector {
        exactTypes = Set.copyOf(exactTypes);
        patterns = List.copyOf(patterns);
    }

    public static EventTypeSelector of(WebhookConfig webhook) {
        Set<String> exact = new LinkedHashSet<>(TriggerTypes.eventTypes(webhook.triggerType()));
        List<EventTypePattern> patterns = new ArrayList<>();
        for (String type : webhook.eventTypes()) {
            if (type == null || type.isBlank()) {
                continue;
            }
            if (EventTypePattern.isPattern(type)) {
                patterns.add(EventTypePattern.of(type));
            } else {
                exact.add(type.trim());
            }
        }
        return new EventTypeSelector(exact, patterns);
    }

    public boolean matches(String eventType) {
        if (exactTypes.contains(eventType)) {
            return true;
        }
        boolean operational = OperationalTypes.isOperational(eventType);
        for (EventTypePattern pattern : patterns) {
            if (operational && !OperationalTypes.isOperational(pattern.toString())) {
                continue;
            }
            if (pattern.matches(eventType)) {
                return true;
            }
        }
        return false;
    }

    public boolean isManualOnly() {
        return exactTypes.isEmpty() && patterns.isEmpty();
    }
}
