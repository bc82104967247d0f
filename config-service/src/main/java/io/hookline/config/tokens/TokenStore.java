package io.hookline.config.tokens;

import io.hookline.config.store.StoreSettings;
import io.hookline.contracts.auth.ApiToken;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaSettings;
import io.hookline.service.auth.TokenRegistry;
import io.hookline.service.store.TopicWrite;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The api-tokens topic as this instance reads it (the same view that authenticates requests). */
@Singleton
public final class TokenStore {

    private final CompactedTopicView<ApiToken> view;
    private final Topic<String, ApiToken> topic;
    private final StoreSettings settings;

    public TokenStore(TokenRegistry registry, KafkaSettings kafka, StoreSettings settings) {
        this.view = registry.view();
        this.topic = Topics.API_TOKENS.withPrefix(kafka.topicPrefix());
        this.settings = settings;
    }

    public List<ApiToken> list(String tenant) {
        catchUp();
        return view.values().stream()
                .filter(token -> token.tenant().equals(tenant))
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id))
                .toList();
    }

    public Optional<ApiToken> find(String tenant, String id) {
        catchUp();
        return view.get(id).filter(token -> token.tenant().equals(tenant));
    }

    public boolean exists(String id) {
        catchUp();
        return view.get(id).isPresent();
    }

    TopicWrite put(ApiToken token) {
        return TopicWrite.of(view, topic, token.id(), token);
    }

    TopicWrite delete(String id) {
        return TopicWrite.of(view, topic, id, null);
    }

    private void catchUp() {
        view.catchUp(settings.readTimeout());
    }
}
