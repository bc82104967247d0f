package io.hookline.config.logs;

import java.util.Optional;

/** What log-service answered, passed on to the caller as it is. */
public record LogServiceAnswer(int status, Optional<String> contentType, Optional<String> retryAfter, byte[] body) {
}
