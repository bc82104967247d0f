package io.hookline.rules.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grafana OnCall's {@code trigger_type} values and the {@code alert_group.*} event types each one fires on. A trigger
 * type is read case-insensitively, with {@code _} or {@code -} standing for a space ({@code alert_group_created}).
 * {@code status change} fires on its own event and on every state change (acknowledged, resolved, silenced,
 * unsilenced, unresolved, unacknowledged).
 */
public final class TriggerTypes {

    public static final String ESCALATION = "escalation";
    public static final String ALERT_GROUP_CREATED = "alert group created";
    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String RESOLVE = "resolve";
    public static final String SILENCE = "silence";
    public static final String UNSILENCE = "unsilence";
    public static final String UNRESOLVE = "unresolve";
    public static final String UNACKNOWLEDGE = "unacknowledge";
    public static final String STATUS_CHANGE = "status change";
    public static final String PERSONAL_NOTIFICATION = "personal notification";

    private static final Map<String, String> EVENT_TYPE = new LinkedHashMap<>();

    static {
        EVENT_TYPE.put(ESCALATION, "alert_group.escalation");
        EVENT_TYPE.put(ALERT_GROUP_CREATED, "alert_group.created");
        EVENT_TYPE.put(ACKNOWLEDGE, "alert_group.acknowledged");
        EVENT_TYPE.put(RESOLVE, "alert_group.resolved");
        EVENT_TYPE.put(SILENCE, "alert_group.silenced");
        EVENT_TYPE.put(UNSILENCE, "alert_group.unsilenced");
        EVENT_TYPE.put(UNRESOLVE, "alert_group.unresolved");
        EVENT_TYPE.put(UNACKNOWLEDGE, "alert_group.unacknowledged");
        EVENT_TYPE.put(STATUS_CHANGE, "alert_group.status_change");
        EVENT_TYPE.put(PERSONAL_NOTIFICATION, "alert_group.personal_notification");
    }

    private static final List<String> STATUS_CHANGES = List.of(EVENT_TYPE.get(ACKNOWLEDGE), EVENT_TYPE.get(RESOLVE),
            EVENT_TYPE.get(SILENCE), EVENT_TYPE.get(UNSILENCE), EVENT_TYPE.get(UNRESOLVE),
            EVENT_TYPE.get(UNACKNOWLEDGE));

    private TriggerTypes() {
    }

    /** The ten trigger types, in OnCall's order. */
    public static Set<String> all() {
        return EVENT_TYPE.keySet();
    }

    /** The canonical form of a trigger type ({@code "Alert_Group_Created"} → {@code "alert group created"}). */
    public static Optional<String> normalize(String triggerType) {
        if (triggerType == null) {
            return Optional.empty();
        }
        String canonical = triggerType.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return EVENT_TYPE.containsKey(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    public static boolean isKnown(String triggerType) {
        return normalize(triggerType).isPresent();
    }

    /** The event type a trigger type is named after ({@code resolve} → {@code alert_group.resolved}). */
    public static Optional<String> eventType(String triggerType) {
        return normalize(triggerType).map(EVENT_TYPE::get);
    }

    /** Every event type that fires a webhook of this trigger type; empty for an unknown one. */
    public static List<String> eventTypes(String triggerType) {
        return normalize(triggerType).map(canonical -> {
            String own = EVENT_TYPE.get(canonical);
            if (!STATUS_CHANGE.equals(canonical)) {
                return List.of(own);
            }
            List<String> types = new java.util.ArrayList<>(STATUS_CHANGES.size() + 1);
            types.add(own);
            types.addAll(STATUS_CHANGES);
            return List.copyOf(types);
        }).orElse(List.of());
    }

    /** The trigger type an event type is named after, if any ({@code alert_group.resolved} → {@code resolve}). */
    public static Optional<String> forEventType(String eventType) {
        return EVENT_TYPE.entrySet().stream()
                .filter(entry -> entry.getValue().equals(eventType))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
