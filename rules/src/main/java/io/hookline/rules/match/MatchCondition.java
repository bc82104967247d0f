package io.hookline.rules.match;

import java.util.Locale;

/** The conditions a webhook puts on an event, in the order they are checked. */
public enum MatchCondition {
    DISABLED, TENANT, EVENT_TYPE, TEAM, INTEGRATION_FILTER, FILTER, TRIGGER_TEMPLATE;

    /** The name the REST API uses: the webhook field that decided, e.g. {@code integration_filter}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
