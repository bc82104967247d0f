package io.hookline.config.validation;

import io.hookline.rules.match.EndpointUrls;
import java.util.Optional;

/**
 * Endpoint URLs: absolute {@code http} or {@code https} with a host. Where they may point is the dispatcher's call. The
 * check itself is {@link EndpointUrls}, shared with URLs rendered by request templates.
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    public static Optional<String> problemWith(String url) {
        return EndpointUrls.problemWith(url);
    }
}
