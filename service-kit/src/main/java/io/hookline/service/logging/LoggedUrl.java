package io.hookline.service.logging;

import java.net.URI;

/**
 * What a log line may say of an endpoint URL: its scheme, host and port. Paths, queries and user info often carry
 * credentials (Slack's and Teams' incoming-webhook URLs are secrets themselves), and logs are read by more people
 * than the webhook's owner.
 */
public final class LoggedUrl {

    private LoggedUrl() {
    }

    public static String origin(String url) {
        if (url == null) {
            return "(no url)";
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "(unparsable url)";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(unparsable url)";
        }
    }
}
