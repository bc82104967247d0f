package io.hookline.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123".getBytes());
    private static final String OTHER = "whsec_" + Base64.getEncoder().encodeToString("another-secret-key!!".getBytes());
    private static final String BODY = "{\"type\":\"incident.triggered\",\"subject\":\"INC-1\"}";

    @Test
    void shouldProduceSignaturesTheStandardWebhooksLibraryAccepts() throws Exception {
        // Given
        Instant now = Instant.now();

        // When
        Map<String, String> headers = WebhookSigner.headers("msg_1", now, BODY, List.of(SECRET));

        // Then
        assertThat(headers.get("webhook-signature")).startsWith("v1,");
        assertThatCode(() -> new Webhook(SECRET).verify(BODY, asLists(headers))).doesNotThrowAnyException();
    }

    @Test
    void shouldMatchTheLibrarysOwnSignature() throws Exception {
        // Given
        long seconds = Instant.now().getEpochSecond();

        // When
        String ours = WebhookSigner.signatureHeader("msg_2", seconds, BODY, List.of(SECRET));

        // Then
        assertThat(ours).isEqualTo(new Webhook(SECRET).sign("msg_2", seconds, BODY));
    }

    @Test
    void shouldSignWithEverySecretSoEitherVerifiesDuringRotation() {
        // Given
        Instant now = Instant.now();

        // When
        Map<String, String> headers = WebhookSigner.headers("msg_3", now, BODY, List.of(SECRET, OTHER));

        // Then
        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(SECRET).verify(BODY, asLists(headers))).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(OTHER).verify(BODY, asLists(headers))).doesNotThrowAnyException();
    }

    @Test
    void shouldFailVerificationWhenTheBodyChanged() {
        // Given
        Map<String, String> headers = WebhookSigner.headers("msg_4", Instant.now(), BODY, List.of(SECRET));

        // When / Then
        assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY + " ", asLists(headers)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void shouldRejectSecretsThatAreNotBase64() {
        assertThatThrownBy(() -> WebhookSigner.sign("id", 1, BODY, "whsec_not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookSigner.signatureHeader("id", 1, BODY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> asLists(Map<String, String> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }
}
