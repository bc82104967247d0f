package io.hookline.config.tokens;

import io.hookline.contracts.auth.ApiToken;
import java.time.Instant;
import java.util.List;

/** A token as the API shows it; {@code token} (the secret) is set only in the response that creates it. */
public record TokenResponse(String id, String name, String tenant, List<String> scopes, Instant createdAt,
                            String token) {

    static TokenResponse of(ApiToken token, String secret) {
        return new TokenResponse(token.id(), token.name(), token.tenant(), token.scopes().stream().sorted().toList(),
                token.createdAt(), secret);
    }
}
