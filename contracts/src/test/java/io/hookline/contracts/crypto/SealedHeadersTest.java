package io.hookline.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedHeadersTest {

    private static final String OLD = SecretCipher.generateBase64Key();
    private static final String NEW = SecretCipher.generateBase64Key();

    private final SecretCipher cipher = SecretCipher.fromBase64Key(OLD);

    @Test
    void shouldSealLiteralValuesOnlyAndOpenThemAgain() throws Exception {
        JsonNode headers = Json.MAPPER.readTree("{\"X-Api-Key\": \"key-123\", \"X-Event\": \"{{ cloudevent.type }}\"}");

        JsonNode sealed = SealedHeaders.sealLiterals(headers, cipher);

        assertThat(sealed.get("X-Api-Key").textValue()).startsWith("\u0001v2:" + cipher.primaryKeyId() + ":")
                .doesNotContain("key-123");
        assertThat(sealed.get("X-Event").textValue()).isEqualTo("{{ cloudevent.type }}");
        assertThat(SealedHeaders.openAll(sealed, cipher)).isEqualTo(headers);
        assertThat(SealedHeaders.sealLiterals(sealed, cipher)).isEqualTo(sealed);
        assertThat(SealedHeaders.openAll(Map.of("X-Api-Key", sealed.get("X-Api-Key").textValue()), cipher))
                .containsEntry("X-Api-Key", "key-123");
    }

    @Test
    void shouldLeaveTheTemplateFormAlone() throws Exception {
        JsonNode template = Json.MAPPER.readTree("\"{\\\"X-A\\\": {{ cloudevent.id | tojson }}}\"");

        assertThat(SealedHeaders.sealLiterals(template, cipher)).isEqualTo(template);
        assertThat(SealedHeaders.hasStale(template, cipher)).isFalse();
    }

    @Test
    void shouldResealWithTheNewestKey() throws Exception {
        JsonNode sealed = SealedHeaders.sealLiterals(Json.MAPPER.readTree("{\"X-Api-Key\": \"key-123\"}"), cipher);
        SecretCipher ring = SecretCipher.fromBase64Keys(List.of(NEW, OLD));

        JsonNode resealed = SealedHeaders.reseal(sealed, ring);

        assertThat(SealedHeaders.hasStale(sealed, ring)).isTrue();
        assertThat(SealedHeaders.hasStale(resealed, ring)).isFalse();
        assertThat(SealedHeaders.open(resealed.get("X-Api-Key").textValue(), SecretCipher.fromBase64Key(NEW)))
                .isEqualTo("key-123");
    }
}
