package io.hookline.rules.match;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Endpoint URLs: absolute {@code http} or {@code https} with a host, without credentials. The same check for a
 * configured {@code url} (at write time) and a URL rendered by a request template (per event). Where a URL may point
 * is the dispatcher's call (its SSRF guard, at send time).
 */
public final class EndpointUrls {

    private EndpointUrls() {
    }

    public static Optional<String> problemWith(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials; use username and password");
        }
        return Optional.empty();
    }
}
