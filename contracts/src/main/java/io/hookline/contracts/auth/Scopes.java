package io.hookline.contracts.auth;

import java.util.Set;

/** The scopes of CONTRACT.md section 5. */
public final class Scopes {

    public static final String WEBHOOKS_READ = "webhooks:read";
    public static final String WEBHOOKS_WRITE = "webhooks:write";
    public static final String EVENTS_WRITE = "events:write";
    public static final String LOGS_READ = "logs:read";
    public static final String TOKENS_ADMIN = "tokens:admin";
    public static final Set<String> ALL = Set.of(WEBHOOKS_READ, WEBHOOKS_WRITE, EVENTS_WRITE, LOGS_READ, TOKENS_ADMIN);

    private Scopes() {
    }
}
