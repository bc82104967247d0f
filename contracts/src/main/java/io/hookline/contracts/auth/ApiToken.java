package io.hookline.contracts.auth;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as stored on the compacted {@code api-tokens} topic, keyed by {@link #id()}. Only the SHA-256 of the
 * secret is kept; the secret itself is shown once, when the token is created. A tombstone revokes the token.
 */
public record ApiToken(String id, String name, String tenant, Set<String> scopes, String secretHash,
                       Instant createdAt) {

    public ApiToken {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
}
