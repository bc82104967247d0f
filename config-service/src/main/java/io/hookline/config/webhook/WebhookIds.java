package io.hookline.config.webhook;

import java.security.SecureRandom;

/** Webhook ids in OnCall's style: {@code WH} and 13 characters of an unambiguous alphabet. */
final class WebhookIds {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 13;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder("WH");
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
