package io.hookline.service.auth;

import java.util.Set;

/** Who made an API request: the tenant whose objects it may see and the scopes its token grants. */
public record Caller(String tokenId, String tenant, Set<String> scopes) {

    /** The request attribute under which the authenticated caller is kept; bind with {@code @RequestAttribute}. */
    public static final String ATTRIBUTE = "hookline.caller";

    /** The token id of the bootstrap admin token from configuration, which may act for any tenant. */
    public static final String BOOTSTRAP_ADMIN_ID = "bootstrap-admin";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    public boolean isBootstrapAdmin() {
        return BOOTSTRAP_ADMIN_ID.equals(tokenId);
    }
}
