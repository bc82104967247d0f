package io.hookline.service.auth;

import java.util.Set;

/** Who made an API request: the tenant whose objects it may see and the scopes its token grants. */
public record Caller(String tokenId, String tenant, Set<String> scopes) {

    /** The request attribute under which the authenticated caller is kept; bind with {@code @RequestAttribute}. */
    public static final String ATTRIBUTE = "hookline.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
