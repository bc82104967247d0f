package io.hookline.config.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.metrics.ConfigMetrics;
import io.hookline.contracts.auth.ApiToken;
import io.hookline.contracts.auth.TokenHash;
import io.hookline.service.auth.Caller;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.WritePlan;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Issues and revokes API tokens. Only the hash of a secret is stored; the secret itself is in the one response that
 * creates it. A caller may grant only scopes it holds, and only in its own tenant unless it is the bootstrap admin.
 */
@Singleton
public final class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenStore store;
    private final ConfigWriter writer;
    private final Clock clock = Clock.systemUTC();

    private final ConfigMetrics metrics;

    public TokenService(TokenStore store, ConfigWriter writer, ConfigMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.writer = writer;
    }

    public CreatedToken create(Caller caller, JsonNode body) {
        TokenRequest request = TokenRequest.read(body, caller.tenant());
        if (!request.tenant().equals(caller.tenant()) && !caller.isBootstrapAdmin()) {
            throw ProblemException.forbidden("Only the bootstrap admin token may create tokens of another tenant");
        }
        List<String> notHeld = request.scopes().stream().filter(scope -> !caller.has(scope)).sorted().toList();
        if (!notHeld.isEmpty()) {
            throw ProblemException.forbidden("A token cannot grant scopes it lacks: " + notHeld);
        }
        String secret = TokenHash.newSecret();
        CreatedToken created = writer.write(() -> {
            String id = nextId();
            while (store.exists(id)) {
                id = nextId();
            }
            ApiToken token = new ApiToken(id, request.name(), request.tenant(), request.scopes(), TokenHash.of(secret),
                    clock.instant());
            return WritePlan.of(store.put(token), new CreatedToken(token, secret));
        });
        metrics.written(ConfigMetrics.Write.TOKEN_CREATED);
        return created;
    }

    public List<ApiToken> list(Caller caller) {
        return store.list(caller.tenant());
    }

    public void revoke(Caller caller, String id) {
        writer.write(() -> {
            ApiToken token = store.find(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("Token " + id));
            return WritePlan.of(store.delete(token.id()), token);
        });
        metrics.written(ConfigMetrics.Write.TOKEN_REVOKED);
    }

    private static String nextId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "tok_" + HexFormat.of().formatHex(bytes);
    }

    /** A token just created, with its secret in clear, to show once. */
    public record CreatedToken(ApiToken token, String secret) {
    }
}
