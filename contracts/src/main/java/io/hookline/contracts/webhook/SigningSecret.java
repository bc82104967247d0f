package io.hookline.contracts.webhook;

import java.time.Instant;

/**
 * One signing secret, encrypted as stored on the topic. A rotated-out secret keeps signing until {@code expiresAt};
 * the current one has no expiry.
 */
public record SigningSecret(String secret, Instant expiresAt) {

    public boolean isLiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
