package io.hookline.config.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.store.WebhookStore;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.webhook.SigningSecret;
import io.hookline.contracts.webhook.WebhookConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rotating the key of secrets at rest: write with key A, add key B as the newest, re-encrypt through
 * {@code POST /api/v1/admin/reencrypt}, then run with B alone.
 */
class KeyRotationTest {

    private static final String KEY_B = SecretCipher.generateBase64Key();
    private static final String KEY_C = SecretCipher.generateBase64Key();

    @Test
    void shouldKeepOldSecretsReadableThenMoveEveryWebhookToTheNewestKey() {
        try (ConfigServiceInstance withA = ConfigServiceInstance.start("rotation")) {
            // Given webhooks of two tenants whose secrets were sealed with key A
            String idA = SecretCipher.fromBase64Key(withA.secretsKey()).primaryKeyId();
            String idB = SecretCipher.fromBase64Key(KEY_B).primaryKeyId();
            String first = withA.admin().createWebhook("""
                    {"name": "basic", "url": "https://a.io", "username": "u", "password": "pw-1",
                     "headers": {"X-Api-Key": "key-1"}}""");
            String acme = withA.admin().post("/api/v1/tokens",
                    "{\"name\": \"acme\", \"tenant\": \"acme\", \"scopes\": [\"webhooks:write\"]}")
                    .json().get("token").asText();
            String second = withA.client().withToken(acme).createWebhook("""
                    {"name": "bearer", "url": "https://a.io", "authorization_header": "Bearer t-2"}""");
            assertThat(secretsOf(withA, first)).allMatch(value -> value.startsWith("v2:" + idA + ":"));

            // (comma-separated, as HOOKLINE_SECRETS_KEYS gives it; key A is also hookline.secrets.key)
            try (ConfigServiceInstance withBandA = withA.sibling(
                    Map.of("hookline.secrets.keys", KEY_B + "," + withA.secretsKey()))) {
                // When B is added as the newest key: old secrets still open, new ones are sealed with B
                SecretCipher ring = withBandA.context().getBean(SecretCipher.class);
                assertThat(ring.keyIds()).containsExactly(idB, idA);
                assertThat(ring.decrypt(stored(withBandA, first).password())).isEqualTo("pw-1");
                String third = withBandA.admin().createWebhook("""
                        {"name": "new", "url": "https://a.io", "password": "pw-3", "username": "u"}""");
                assertThat(secretsOf(withBandA, third)).allMatch(value -> value.startsWith("v2:" + idB + ":"));

                // And everything is re-encrypted by the admin
                var forbidden = withBandA.client().withToken(acme).post("/api/v1/admin/reencrypt", "");
                var anonymous = withBandA.client().post("/api/v1/admin/reencrypt", "");
                var reencrypted = withBandA.admin().post("/api/v1/admin/reencrypt", "");

                // Then only the admin may, and every secret of every tenant is on B with the same plain value
                assertThat(forbidden.status()).isEqualTo(403);
                assertThat(anonymous.status()).isEqualTo(401);
                assertThat(reencrypted.status()).as(reencrypted.body()).isEqualTo(200);
                assertThat(reencrypted.json().get("key_id").asText()).isEqualTo(idB);
                assertThat(reencrypted.json().get("reencrypted").asInt()).isEqualTo(2);
                assertThat(reencrypted.json().get("unchanged").asInt()).isEqualTo(1);
                assertThat(reencrypted.json().get("failed")).isEmpty();
                assertThat(stored(withBandA, first).version()).isEqualTo(2);
                for (String id : List.of(first, second, third)) {
                    assertThat(secretsOf(withBandA, id)).allMatch(value -> value.startsWith("v2:" + idB + ":"));
                }
                assertThat(withBandA.admin().post("/api/v1/admin/reencrypt", "").json().get("reencrypted").asInt())
                        .isZero();
            }

            // Then with A removed, every secret still opens with B alone
            try (ConfigServiceInstance withB = withA.sibling(Map.of("hookline.secrets.key", KEY_B))) {
                SecretCipher onlyB = withB.context().getBean(SecretCipher.class);
                assertThat(onlyB.keyIds()).containsExactly(idB);
                assertThat(onlyB.decrypt(stored(withB, first).password())).isEqualTo("pw-1");
                assertThat(SealedHeaders.open(stored(withB, first).headers().get("X-Api-Key").textValue(), onlyB))
                        .isEqualTo("key-1");
                assertThat(withB.admin().get("/api/v1/webhooks/" + first).json().get("headers").get("X-Api-Key")
                        .asText()).isEqualTo("key-1");
                assertThat(onlyB.decrypt(stored(withB, second).authorizationHeader())).isEqualTo("Bearer t-2");
                for (SigningSecret secret : stored(withB, first).signingSecrets()) {
                    assertThat(onlyB.decrypt(secret.secret())).startsWith("whsec_");
                }
            }
        }
    }

    @Test
    void shouldReportAWebhookSealedWithAKeyTheRingLacksAndReencryptTheOthers() {
        try (ConfigServiceInstance withA = ConfigServiceInstance.start("rotation-unknown")) {
            // Given one webhook sealed with key A and one with a key C that the re-encrypting ring lacks
            String known = withA.admin().createWebhook("""
                    {"name": "known", "url": "https://a.io", "authorization_header": "Bearer a"}""");
            String unknown;
            try (ConfigServiceInstance withC = withA.sibling(Map.of("hookline.secrets.keys", KEY_C))) {
                unknown = withC.admin().createWebhook("""
                        {"name": "unknown", "url": "https://a.io", "authorization_header": "Bearer c"}""");
            }
            String idC = SecretCipher.fromBase64Key(KEY_C).primaryKeyId();

            try (ConfigServiceInstance withB = withA.sibling(Map.of("hookline.secrets.keys", KEY_B))) {
                // When re-encrypting with the ring B, A
                var answer = withB.admin().post("/api/v1/admin/reencrypt", "");

                // Then the known one moves to B, the other is named with the key it needs and left as it was
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().get("reencrypted").asInt()).isEqualTo(1);
                assertThat(answer.json().get("failed")).hasSize(1);
                assertThat(answer.json().get("failed").get(0).get("id").asText()).isEqualTo(unknown);
                assertThat(answer.json().get("failed").get(0).get("error").asText())
                        .contains("encrypted with key " + idC + ", which is not configured");
                assertThat(stored(withB, unknown).version()).isEqualTo(1);
                assertThat(stored(withB, known).version()).isEqualTo(2);
            }
        }
    }

    private static WebhookConfig stored(ConfigServiceInstance instance, String id) {
        return instance.context().getBean(WebhookStore.class).listAll().stream()
                .filter(webhook -> webhook.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> secretsOf(ConfigServiceInstance instance, String id) {
        WebhookConfig webhook = stored(instance, id);
        List<String> secrets = new ArrayList<>();
        if (webhook.password() != null) {
            secrets.add(webhook.password());
        }
        if (webhook.authorizationHeader() != null) {
            secrets.add(webhook.authorizationHeader());
        }
        webhook.signingSecrets().forEach(secret -> secrets.add(secret.secret()));
        if (webhook.headers() != null && webhook.headers().has("X-Api-Key")) {
            // A sealed header value: a control character, then the ciphertext.
            secrets.add(webhook.headers().get("X-Api-Key").textValue().substring(1));
        }
        assertThat(secrets).isNotEmpty();
        return secrets;
    }
}
