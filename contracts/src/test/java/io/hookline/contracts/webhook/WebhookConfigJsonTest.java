package io.hookline.contracts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.json.Json;
import org.junit.jupiter.api.Test;

class WebhookConfigJsonTest {

    @Test
    void shouldReadAWebhookWrittenBeforeV1aAsAnHmacWebhook() throws Exception {
        // Given
        String stored = "{\"id\": \"WH1\", \"tenant\": \"default\", \"version\": 3, \"name\": \"old\","
                + " \"url\": \"https://example.com\", \"signing_secrets\": [{\"secret\": \"v2:k:abc\"}]}";

        // When
        WebhookConfig config = Json.MAPPER.readValue(stored, WebhookConfig.class);

        // Then
        assertThat(config.signatureScheme()).isEqualTo("v1");
        assertThat(config.signingPublicKey()).isNull();
        assertThat(config.signsWithEd25519()).isFalse();
    }

    @Test
    void shouldKeepTheSchemeAndPublicKeyThroughJson() throws Exception {
        // Given
        String stored = "{\"id\": \"WH2\", \"name\": \"new\", \"url\": \"https://example.com\","
                + " \"signature_scheme\": \"v1a\", \"signing_public_key\": \"whpk_abc\"}";

        // When
        WebhookConfig config = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(
                Json.MAPPER.readValue(stored, WebhookConfig.class)), WebhookConfig.class);

        // Then
        assertThat(config.signsWithEd25519()).isTrue();
        assertThat(config.signingPublicKey()).isEqualTo("whpk_abc");
    }
}
