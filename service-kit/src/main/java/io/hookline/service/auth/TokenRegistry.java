package io.hookline.service.auth;

import io.hookline.contracts.auth.ApiToken;
import io.hookline.contracts.auth.Scopes;
import io.hookline.contracts.auth.TokenHash;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.TopicBootstrap;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live API token, read from the compacted {@code api-tokens} topic so all instances agree (a revocation
 * reaches every instance as fast as the topic does), plus the bootstrap admin token from configuration.
 */
@Context
@Requires(property = "hookline.auth.enabled", value = "true")
public final class TokenRegistry implements KafkaComponent, AutoCloseable {

    static final String ADMIN_TOKEN_ID = Caller.BOOTSTRAP_ADMIN_ID;
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final CompactedTopicView<ApiToken> view;
    private final Map<String, ApiToken> byHash = new ConcurrentHashMap<>();
    private final Map<String, String> hashById = new ConcurrentHashMap<>();
    private final String adminTokenHash;

    /** Takes the {@link TopicBootstrap} so that the api-tokens topic exists before the view reads it. */
    public TokenRegistry(KafkaSettings kafka, KafkaConnection connection, AuthSettings settings,
                         TopicBootstrap topics) {
        this.adminTokenHash = settings.adminToken() == null || settings.adminToken().isBlank()
                ? null : TokenHash.of(settings.adminToken());
        this.view = new CompactedTopicView<>("token-registry", connection,
                Topics.API_TOKENS.withPrefix(kafka.topicPrefix()));
        view.addListener(this::index);
        view.start(LOAD_TIMEOUT);
    }

    public Optional<Caller> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isBlank()) {
            return Optional.empty();
        }
        String hash = TokenHash.of(presentedSecret);
        if (adminTokenHash != null && MessageDigest.isEqual(
                adminTokenHash.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new Caller(ADMIN_TOKEN_ID, WebhookConfig.DEFAULT_TENANT, Scopes.ALL));
        }
        return Optional.ofNullable(byHash.get(hash))
                .map(token -> new Caller(token.id(), token.tenant(), token.scopes()));
    }

    public CompactedTopicView<ApiToken> view() {
        return view;
    }

    private void index(String id, ApiToken token) {
        String previousHash = token == null ? hashById.remove(id) : hashById.put(id, token.secretHash());
        if (previousHash != null) {
            byHash.remove(previousHash);
        }
        if (token != null) {
            byHash.put(token.secretHash(), token);
        }
    }

    @Override
    public String componentName() {
        return "token-registry";
    }

    @Override
    public boolean isRunning() {
        return view.isRunning();
    }

    @PreDestroy
    @Override
    public void close() {
        view.close();
    }
}
