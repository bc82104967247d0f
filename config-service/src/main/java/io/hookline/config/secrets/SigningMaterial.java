package io.hookline.config.secrets;

import io.hookline.contracts.signing.Ed25519KeyPairs;
import io.hookline.contracts.webhook.WebhookConfig;

/**
 * What a webhook signs with under one scheme: the plain secret to seal ({@code whsec_} for {@code v1}, the
 * {@code whsk_} private key for {@code v1a}), the public key receivers verify with ({@code v1a} only), and what the
 * API may show once (the {@code v1} secret; never a private key).
 */
public record SigningMaterial(String secretToSeal, String publicKey, String revealed) {

    public static SigningMaterial generate(String scheme) {
        if (WebhookConfig.SCHEME_ED25519.equals(scheme)) {
            Ed25519KeyPairs.Encoded keys = Ed25519KeyPairs.generate();
            return new SigningMaterial(keys.privateKey(), keys.publicKey(), null);
        }
        String secret = SigningSecrets.generate();
        return new SigningMaterial(secret, null, secret);
    }

    @Override
    public String toString() {
        return "SigningMaterial[publicKey=" + publicKey + "]"; // neither secret may reach a log line
    }
}
