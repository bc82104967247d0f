package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.signing.WebhookSigner;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaConnection;
import io.hookline.testkit.SharedKafka;
import io.hookline.testkit.signing.Ed25519Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code signature_scheme: v1a}: the server's ed25519 key pair, its public key shown, its private key never. */
class AsymmetricSigningTest {

    private static final String BODY = "{\"hello\":\"receiver\"}";

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("ed25519");
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldCreateAV1aWebhookWithAPublicKeyThatVerifiesItsStoredPrivateKey() throws Exception {
        var created = create("{\"name\": \"asym\", \"url\": \"https://example.com\", \"signature_scheme\": \"v1a\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("signature_scheme").asText()).isEqualTo("v1a");
        assertThat(body.get("signing_secret").isNull()).isTrue();
        String publicKey = body.get("signing_public_key").asText();
        assertThat(publicKey).startsWith("whpk_");
        assertThat(Ed25519Verifier.publicKey(publicKey).getAlgorithm()).isIn("EdDSA", "Ed25519");

        String privateKey = storedPrivateKeys(body.get("id").asText(), 1).get(0);
        assertThat(privateKey).startsWith("whsk_");
        assertThat(signatureVerifiesWith(privateKey, publicKey)).isTrue();
        assertThat(created.body()).doesNotContain(privateKey).doesNotContain(privateKey.substring(5));
    }

    @Test
    void shouldShowThePublicKeyToAReadOnlyTokenAndNeverThePrivateKey() {
        String id = create("{\"name\": \"asym-read\", \"url\": \"https://example.com\", \"signature_scheme\": \"v1a\"}")
                .json().get("id").asText();
        String token = api.post("/api/v1/tokens", "{\"name\": \"reader\", \"scopes\": [\"webhooks:read\"]}")
                .json().get("token").asText();
        ApiClient reader = service.client().withToken(token);

        var read = await().atMost(Duration.ofSeconds(10))
                .until(() -> reader.get("/api/v1/webhooks/" + id), response -> response.status() == 200);

        String publicKey = read.json().get("signing_public_key").asText();
        assertThat(publicKey).startsWith("whpk_");
        String privateKey = storedPrivateKeys(id, 1).get(0);
        assertThat(read.body()).doesNotContain(privateKey.substring(5));
        assertThat(api.get("/api/v1/webhooks/").body()).doesNotContain(privateKey.substring(5));
    }

    @Test
    void shouldRotateTheKeyPairKeepingTheOldPrivateKeySigningForADay() throws Exception {
        var created = create("{\"name\": \"asym-rotate\", \"url\": \"https://example.com\", \"signature_scheme\": \"v1a\"}");
        String id = created.json().get("id").asText();
        String oldPublicKey = created.json().get("signing_public_key").asText();

        var rotated = api.post("/api/v1/webhooks/" + id + "/rotate-secret", null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newPublicKey = rotated.json().get("signing_public_key").asText();
        assertThat(newPublicKey).startsWith("whpk_").isNotEqualTo(oldPublicKey);
        assertThat(rotated.json().get("signing_secret").isNull()).isTrue();
        WebhookConfig stored = readFromTopic(id, 2);
        assertThat(stored.signingSecrets().get(0).expiresAt()).isNull();
        assertThat(stored.signingSecrets().get(1).expiresAt())
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        List<String> keys = storedPrivateKeys(id, 2);
        assertThat(signatureVerifiesWith(keys.get(0), newPublicKey)).isTrue();
        assertThat(signatureVerifiesWith(keys.get(1), oldPublicKey)).isTrue();
        assertThat(rotated.body()).doesNotContain(keys.get(0).substring(5)).doesNotContain(keys.get(1).substring(5));
        assertThat(rawWebhookConfig(id, 2))
                .doesNotContain(keys.get(0).substring(5)).doesNotContain(keys.get(1).substring(5))
                .contains(newPublicKey);
    }

    @Test
    void shouldSwitchSchemesOnUpdateMakingWhatTheNewSchemeNeeds() {
        var created = create("{\"name\": \"asym-switch\", \"url\": \"https://example.com\"}");
        String id = created.json().get("id").asText();
        assertThat(created.json().get("signature_scheme").asText()).isEqualTo("v1");
        assertThat(created.json().get("signing_public_key").isNull()).isTrue();

        var toV1a = api.patch("/api/v1/webhooks/" + id, "{\"signature_scheme\": \"v1a\"}");

        assertThat(toV1a.status()).as(toV1a.body()).isEqualTo(200);
        String publicKey = toV1a.json().get("signing_public_key").asText();
        assertThat(publicKey).startsWith("whpk_");
        assertThat(api.get("/api/v1/webhooks/" + id).json().get("signing_public_key").asText()).isEqualTo(publicKey);
        WebhookConfig stored = readFromTopic(id, 2);
        assertThat(stored.signatureScheme()).isEqualTo("v1a");
        assertThat(stored.signingSecrets()).hasSize(2);
        assertThat(stored.signingSecrets().get(1).expiresAt()).isNotNull();

        var back = api.put("/api/v1/webhooks/" + id, "{\"signature_scheme\": \"v1\"}");

        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("signing_secret").asText()).startsWith("whsec_");
        assertThat(back.json().get("signing_public_key").isNull()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownSchemeNamingTheField() {
        var refused = create("{\"name\": \"asym-bad\", \"url\": \"https://example.com\", \"signature_scheme\": \"v2\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").toString()).contains("signature_scheme");
    }

    @Test
    void shouldIgnoreAClientsPublicKeyAsItIgnoresOtherReadOnlyFields() {
        var created = create("{\"name\": \"asym-own-key\", \"url\": \"https://example.com\", \"signature_scheme\": \"v1a\","
                + " \"signing_public_key\": \"whpk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("signing_public_key").asText())
                .isNotEqualTo("whpk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    }

    @Test
    void shouldRefuseAChosenSigningSecretOnAV1aWebhook() {
        var refused = create("{\"name\": \"asym-secret\", \"url\": \"https://example.com\", \"signature_scheme\": \"v1a\","
                + " \"signing_secret\": \"whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").toString()).contains("signing_secret");
    }

    private static boolean signatureVerifiesWith(String privateKey, String publicKey) {
        long now = Instant.now().getEpochSecond();
        String header = WebhookSigner.signatureHeader("msg_1", now, BODY, List.of(privateKey));
        return Ed25519Verifier.anyVerifies(header, publicKey, "msg_1", Long.toString(now), BODY);
    }

    private static List<String> storedPrivateKeys(String id, long version) {
        SecretCipher cipher = SecretCipher.fromBase64Key(service.secretsKey());
        return readFromTopic(id, version).signingSecrets().stream().map(secret -> cipher.decrypt(secret.secret()))
                .toList();
    }

    /** Every record of the webhook on {@code webhook-config}, as bytes on the topic, not as the record reads them. */
    private static String rawWebhookConfig(String id, int versions) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedKafka.bootstrapServers(), "group.id", SharedKafka.uniqueName("raw-config"),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.WEBHOOK_CONFIG.withPrefix(service.prefix()).name()));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key()) && record.value() != null) {
                        values.add(new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
                return values.size() >= versions;
            });
            return String.join("\n", values);
        }
    }

    private static ApiClient.Response create(String json) {
        return api.post("/api/v1/webhooks/", json);
    }

    private static WebhookConfig readFromTopic(String id, long version) {
        try (var view = new CompactedTopicView<>("test-view",
                KafkaConnection.plain(SharedKafka.bootstrapServers()),
                Topics.WEBHOOK_CONFIG.withPrefix(service.prefix()))) {
            view.start(Duration.ofSeconds(30));
            WebhookConfig config = view.get(id).orElseThrow();
            assertThat(config.version()).isEqualTo(version);
            return config;
        }
    }
}
