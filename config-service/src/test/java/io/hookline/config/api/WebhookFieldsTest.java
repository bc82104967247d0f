package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaConnection;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hookline's own webhook fields: defaults, partial updates, secrets, rotation, pagination. */
class WebhookFieldsTest {

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("fields");
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldApplyDefaultsToAMinimalWebhook() {
        JsonNode body = create("{\"name\": \"minimal\", \"url\": \"https://example.com/hook\"}").json();

        assertThat(body.get("is_webhook_enabled").asBoolean()).isTrue();
        assertThat(body.get("http_method").asText()).isEqualTo("POST");
        assertThat(body.get("max_retries").asInt()).isEqualTo(3);
        assertThat(body.get("timeout_ms").asInt()).isEqualTo(10_000);
        assertThat(body.get("ordering").asText()).isEqualTo("none");
        assertThat(body.get("rate_limit_per_second").isNull()).isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("urls")).isEmpty();
        assertThat(body.get("event_types")).isEmpty();
        assertThat(body.get("created_at").asText()).isNotBlank();
        assertThat(body.get("disabled_reason").isNull()).isTrue();
    }

    @Test
    void shouldStoreEveryExtendedField() {
        var created = create("""
                {"name": "full", "url": "https://a.example.com/hook", "urls": ["https://b.example.com/hook"],
                 "http_method": "put", "event_types": ["incident.*", "statuspage.updated"], "team": "SRE",
                 "filter": {"any": [{"field": "data.service.name", "op": "eq", "value": "payments"},
                                    {"not": {"field": "data.tags.env", "op": "eq", "value": "staging"}}]},
                 "trigger_template": "{{ event.type == 'incident.triggered' }}",
                 "data": "{\\"title\\": {{ incident.title | tojson }}}", "headers": {"X-Team": "sre"},
                 "description": "to the pager", "failure_notification_email": "ops@example.com",
                 "max_retries": 8, "timeout_ms": 30000, "rate_limit_per_second": 5, "ordering": "subject"}
                """);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode read = api.get("/api/v1/webhooks/" + created.json().get("id").asText()).json();
        assertThat(read.get("urls").get(0).asText()).isEqualTo("https://b.example.com/hook");
        assertThat(read.get("http_method").asText()).isEqualTo("PUT");
        assertThat(read.get("event_types").toString()).isEqualTo("[\"incident.*\",\"statuspage.updated\"]");
        assertThat(read.get("filter").get("any").size()).isEqualTo(2);
        assertThat(read.get("headers").get("X-Team").asText()).isEqualTo("sre");
        assertThat(read.get("forward_all").asBoolean()).isFalse();
        assertThat(read.get("max_retries").asInt()).isEqualTo(8);
        assertThat(read.get("timeout_ms").asInt()).isEqualTo(30_000);
        assertThat(read.get("rate_limit_per_second").asInt()).isEqualTo(5);
        assertThat(read.get("ordering").asText()).isEqualTo("subject");
        assertThat(read.get("description").asText()).isEqualTo("to the pager");
        assertThat(read.get("failure_notification_email").asText()).isEqualTo("ops@example.com");
    }

    @Test
    void shouldAcceptHeadersAsATemplateString() {
        var created = create("""
                {"name": "templated headers", "url": "https://example.com",
                 "headers": "{\\"X-Subject\\": {{ event.subject | tojson }}}"}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("headers").isTextual()).isTrue();
    }

    @Test
    void shouldPatchOnlyTheGivenFieldsAndClearWithNull() {
        String id = create("""
                {"name": "patched", "url": "https://example.com", "description": "before", "team": "SRE"}
                """).json().get("id").asText();

        var patched = api.patch("/api/v1/webhooks/" + id, "{\"description\": \"after\", \"team\": null}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("description").asText()).isEqualTo("after");
        assertThat(patched.json().get("team").isNull()).isTrue();
        assertThat(patched.json().get("name").asText()).isEqualTo("patched");
        assertThat(patched.json().get("version").asLong()).isEqualTo(2);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.json().get("signing_secret").asText()).isEqualTo(SecretCipher.MASK);
    }

    @Test
    void shouldSealLiteralHeaderValuesOnTheTopicAndShowThemToTheOwner() {
        var created = create("""
                {"name": "sealed headers", "url": "https://example.com",
                 "headers": {"X-Api-Key": "key-123", "X-Event": "{{ cloudevent.type }}"}}""");
        String id = created.json().get("id").asText();

        JsonNode read = api.get("/api/v1/webhooks/" + id).json();

        for (JsonNode webhook : new JsonNode[] {created.json(), read}) {
            assertThat(webhook.get("headers").get("X-Api-Key").asText()).isEqualTo("key-123");
            assertThat(webhook.get("headers").get("X-Event").asText()).isEqualTo("{{ cloudevent.type }}");
        }
        WebhookConfig stored = readFromTopic(id, 1);
        SecretCipher cipher = SecretCipher.fromBase64Key(service.secretsKey());
        String sealed = stored.headers().get("X-Api-Key").textValue();
        assertThat(sealed).startsWith("\u0001v2:" + cipher.primaryKeyId() + ":").doesNotContain("key-123");
        assertThat(SealedHeaders.open(sealed, cipher)).isEqualTo("key-123");
        assertThat(stored.headers().get("X-Event").textValue()).isEqualTo("{{ cloudevent.type }}");
    }

    @Test
    void shouldMaskSecretsOnEveryReadAndKeepThemEncryptedOnTheTopic() {
        var created = create("""
                {"name": "secretive", "url": "https://example.com", "username": "bob", "password": "hunter2",
                 "authorization_header": "Bearer top-secret"}""");
        String id = created.json().get("id").asText();
        String signingSecret = created.json().get("signing_secret").asText();

        JsonNode read = api.get("/api/v1/webhooks/" + id).json();
        JsonNode afterMaskedPut = api.put("/api/v1/webhooks/" + id, read.toString()).json();

        for (JsonNode webhook : new JsonNode[] {created.json(), read, afterMaskedPut}) {
            assertThat(webhook.get("username").asText()).isEqualTo(SecretCipher.MASK);
            assertThat(webhook.get("password").asText()).isEqualTo(SecretCipher.MASK);
            assertThat(webhook.get("authorization_header").asText()).isEqualTo(SecretCipher.MASK);
        }
        assertThat(read.get("signing_secret").asText()).isEqualTo(SecretCipher.MASK);
        WebhookConfig stored = readFromTopic(id, 2);
        SecretCipher cipher = SecretCipher.fromBase64Key(service.secretsKey());
        assertThat(stored.password()).startsWith("v2:" + cipher.primaryKeyId() + ":").doesNotContain("hunter2");
        assertThat(cipher.decrypt(stored.password())).isEqualTo("hunter2");
        assertThat(cipher.decrypt(stored.authorizationHeader())).isEqualTo("Bearer top-secret");
        assertThat(cipher.decrypt(stored.signingSecrets().get(0).secret())).isEqualTo(signingSecret);
    }

    @Test
    void shouldGenerateAStandardWebhooksSigningSecret() {
        String secret = create("{\"name\": \"signed\", \"url\": \"https://example.com\"}")
                .json().get("signing_secret").asText();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeBetween(24, 32);
    }

    @Test
    void shouldRotateTheSigningSecretKeepingTheOldOneLiveForADay() {
        var created = create("{\"name\": \"rotated\", \"url\": \"https://example.com\"}");
        String id = created.json().get("id").asText();
        String oldSecret = created.json().get("signing_secret").asText();

        var rotated = api.post("/api/v1/webhooks/" + id + "/rotate-secret", null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().get("signing_secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(api.get("/api/v1/webhooks/" + id).json().get("signing_secret").asText())
                .isEqualTo(SecretCipher.MASK);
        WebhookConfig stored = readFromTopic(id, 2);
        SecretCipher cipher = SecretCipher.fromBase64Key(service.secretsKey());
        assertThat(stored.signingSecrets()).hasSize(2);
        assertThat(cipher.decrypt(stored.signingSecrets().get(0).secret())).isEqualTo(newSecret);
        assertThat(stored.signingSecrets().get(0).expiresAt()).isNull();
        assertThat(cipher.decrypt(stored.signingSecrets().get(1).secret())).isEqualTo(oldSecret);
        assertThat(stored.signingSecrets().get(1).expiresAt())
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    }

    @Test
    void shouldReplaceTheSigningSecretWithOneTheClientChose() {
        String chosen = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
        var created = create("{\"name\": \"chosen\", \"url\": \"https://example.com\", \"signing_secret\": \""
                + chosen + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("signing_secret").asText()).isEqualTo(SecretCipher.MASK);
        WebhookConfig stored = readFromTopic(created.json().get("id").asText(), 1);
        assertThat(SecretCipher.fromBase64Key(service.secretsKey()).decrypt(stored.signingSecrets().get(0).secret()))
                .isEqualTo(chosen);
    }

    @Test
    void shouldPaginateWithLinksToNeighbourPages() {
        ConfigServiceInstance fresh = ConfigServiceInstance.start("pages");
        try {
            ApiClient client = fresh.admin();
            for (int i = 0; i < 5; i++) {
                client.post("/api/v1/webhooks", "{\"name\": \"page-" + i + "\", \"url\": \"https://example.com\"}");
            }

            JsonNode second = client.get("/api/v1/webhooks/?page=2&page_size=2").json();

            assertThat(second.get("count").asInt()).isEqualTo(5);
            assertThat(second.get("total_pages").asInt()).isEqualTo(3);
            assertThat(second.get("current_page_number").asInt()).isEqualTo(2);
            assertThat(second.get("page_size").asInt()).isEqualTo(2);
            assertThat(second.get("results")).hasSize(2);
            assertThat(second.get("results").get(0).get("name").asText()).isEqualTo("page-2");
            assertThat(second.get("next").asText()).startsWith("http://").contains("page=3", "page_size=2");
            assertThat(second.get("previous").asText()).contains("page=1");
            assertThat(client.get("/api/v1/webhooks/?page=4&page_size=2").status()).isEqualTo(404);
            assertThat(client.get("/api/v1/webhooks/?page_size=501").status()).isEqualTo(400);
            assertThat(client.get("/api/v1/webhooks/?page=zero").json().get("errors").get(0).get("field").asText())
                    .isEqualTo("page");
        } finally {
            fresh.close();
        }
    }

    @Test
    void shouldShowTheDisabledReasonTheDispatcherWrote() throws Exception {
        String id = create("{\"name\": \"gone\", \"url\": \"https://example.com\"}").json().get("id").asText();
        WebhookConfig current = readFromTopic(id, 1);
        WebhookConfig disabled = new WebhookConfig(current.id(), current.tenant(), current.version() + 1,
                current.name(), false, current.team(), current.url(), current.urls(), current.httpMethod(),
                current.triggerType(), current.eventTypes(), current.integrationFilter(), current.filter(),
                current.triggerTemplate(), current.data(), current.forwardAll(), current.headers(),
                current.username(), current.password(), current.authorizationHeader(), current.description(),
                current.failureNotificationEmail(), current.signingSecrets(), current.maxRetries(),
                current.timeoutMs(), current.rateLimitPerSecond(), current.ordering(), "endpoint answered 410 Gone",
                current.createdAt(), Instant.now());
        var topic = Topics.WEBHOOK_CONFIG.withPrefix(service.prefix());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                java.util.Map.<String, Object>of("bootstrap.servers", SharedKafka.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic.name(), id, disabled)).get();
        }

        JsonNode read = api.get("/api/v1/webhooks/" + id).json();
        JsonNode reenabled = api.patch("/api/v1/webhooks/" + id, "{\"is_webhook_enabled\": true}").json();

        assertThat(read.get("is_webhook_enabled").asBoolean()).isFalse();
        assertThat(read.get("disabled_reason").asText()).isEqualTo("endpoint answered 410 Gone");
        assertThat(reenabled.get("is_webhook_enabled").asBoolean()).isTrue();
        assertThat(reenabled.get("disabled_reason").isNull()).isTrue();
        assertThat(reenabled.get("version").asLong()).isEqualTo(3);
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
