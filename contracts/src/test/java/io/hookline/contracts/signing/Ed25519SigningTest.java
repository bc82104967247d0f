package io.hookline.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ed25519SigningTest {

    private static final String BODY = "{\"type\":\"incident.triggered\",\"subject\":\"INC-1\"}";
    private static final String HMAC_SECRET =
            "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123".getBytes());

    @Test
    void shouldGenerateKeysInTheStandardWebhooksForms() {
        // When
        Ed25519KeyPairs.Encoded keys = Ed25519KeyPairs.generate();

        // Then
        assertThat(keys.privateKey()).startsWith("whsk_");
        assertThat(keys.publicKey()).startsWith("whpk_");
        assertThat(Base64.getDecoder().decode(keys.publicKey().substring(5))).hasSize(32);
        assertThat(keys.toString()).doesNotContain(keys.privateKey());
    }

    @Test
    void shouldSignV1aThatTheJdkVerifiesWithTheRawPublicKey() throws Exception {
        // Given
        Ed25519KeyPairs.Encoded keys = Ed25519KeyPairs.generate();
        Instant now = Instant.now();

        // When
        Map<String, String> headers = WebhookSigner.headers("msg_1", now, BODY, List.of(keys.privateKey()));

        // Then
        String signature = headers.get("webhook-signature");
        assertThat(signature).startsWith("v1a,");
        assertThat(verifies(keys.publicKey(), "msg_1." + now.getEpochSecond() + "." + BODY, signature.substring(4)))
                .isTrue();
        assertThat(verifies(keys.publicKey(), "msg_1." + now.getEpochSecond() + ".tampered", signature.substring(4)))
                .isFalse();
    }

    @Test
    void shouldSignWithEachLiveKeyOfItsOwnScheme() {
        // Given
        Ed25519KeyPairs.Encoded keys = Ed25519KeyPairs.generate();

        // When
        String header = WebhookSigner.signatureHeader("msg_1", 1_700_000_000L, BODY,
                List.of(keys.privateKey(), HMAC_SECRET));

        // Then
        assertThat(header.split(" ")).hasSize(2);
        assertThat(header.split(" ")[0]).startsWith("v1a,");
        assertThat(header.split(" ")[1]).startsWith("v1,");
    }

    private static boolean verifies(String whpk, String signed, String base64Signature) throws Exception {
        byte[] raw = Base64.getDecoder().decode(whpk.substring("whpk_".length()));
        byte[] header = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] der = Arrays.copyOf(header, header.length + raw.length);
        System.arraycopy(raw, 0, der, header.length, raw.length);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(base64Signature));
    }
}
